package io.portbind.kv.declaration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A command's full ACL category list: the explicit categories plus those Redis 7.0 implies from the command
 * flags (setImplicitACLCategories in server.c), which is why the files list only the explicit ones.
 */
public final class AclCategories {

    private AclCategories() {
    }

    /**
     * All categories in Redis's order (ACLCommandCategories in acl.c), upper case without {@code @}. WRITE implies
     * WRITE; READONLY implies READ unless the command is in SCRIPTING (EVAL_RO reads only what its script reads);
     * ADMIN implies ADMIN and DANGEROUS; PUBSUB, FAST and BLOCKING imply their namesakes; and every command not in
     * FAST is in SLOW.
     */
    public static List<String> of(Set<String> commandFlags, Set<String> explicit) {
        Set<String> all = new HashSet<>(explicit);
        if (commandFlags.contains("WRITE")) {
            all.add("WRITE");
        }
        if (commandFlags.contains("READONLY") && !explicit.contains("SCRIPTING")) {
            all.add("READ");
        }
        if (commandFlags.contains("ADMIN")) {
            all.add("ADMIN");
            all.add("DANGEROUS");
        }
        if (commandFlags.contains("PUBSUB")) {
            all.add("PUBSUB");
        }
        if (commandFlags.contains("FAST")) {
            all.add("FAST");
        }
        if (commandFlags.contains("BLOCKING")) {
            all.add("BLOCKING");
        }
        if (!all.contains("FAST")) {
            all.add("SLOW");
        }
        return Vocabulary.inOrder(all, Vocabulary.ACL_CATEGORIES);
    }
}
