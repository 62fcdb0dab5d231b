package io.portbind.chat.store.resp;

import io.portbind.chat.store.RosterItem;
import io.portbind.chat.store.Subscription;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jxmpp.jid.BareJid;

/**
 * A roster item as a roster hash's field value, readable in {@code redis-cli}: the subscription, then the
 * flags that are set, then the name and the groups, each text percent-encoded so that spaces separate
 * tokens. For example {@code both listed ask name=Juliet group=Friends}. The contact is the field's name.
 */
final class RosterItemCodec {

    private static final String LISTED = "listed";
    private static final String ASK_OUT = "ask";
    private static final String PENDING_IN = "pending";
    private static final String PRE_APPROVED = "approved";
    private static final String NAME = "name=";
    private static final String GROUP = "group=";

    private RosterItemCodec() {
    }

    static String encode(RosterItem item) {
        StringBuilder out = new StringBuilder(64).append(item.subscription().attribute());
        flag(out, item.listed(), LISTED);
        flag(out, item.askOut(), ASK_OUT);
        flag(out, item.pendingIn(), PENDING_IN);
        flag(out, item.preApproved(), PRE_APPROVED);
        if (item.name() != null) {
            out.append(' ').append(NAME).append(URLEncoder.encode(item.name(), StandardCharsets.UTF_8));
        }
        for (String group : item.groups()) {
            out.append(' ').append(GROUP).append(URLEncoder.encode(group, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static RosterItem decode(BareJid contact, String value) {
        String[] tokens = value.split(" ");
        Subscription subscription = Subscription.valueOf(tokens[0].toUpperCase(Locale.ROOT));
        boolean listed = false;
        boolean askOut = false;
        boolean pendingIn = false;
        boolean preApproved = false;
        String name = null;
        Set<String> groups = new LinkedHashSet<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            switch (token) {
                case LISTED -> listed = true;
                case ASK_OUT -> askOut = true;
                case PENDING_IN -> pendingIn = true;
                case PRE_APPROVED -> preApproved = true;
                default -> {
                    if (token.startsWith(NAME)) {
                        name = decodeText(token.substring(NAME.length()));
                    } else if (token.startsWith(GROUP)) {
                        groups.add(decodeText(token.substring(GROUP.length())));
                    } else {
                        throw new IllegalArgumentException("not a roster item: " + value);
                    }
                }
            }
        }
        return new RosterItem(contact, name, groups, subscription, listed, askOut, pendingIn, preApproved);
    }

    private static void flag(StringBuilder out, boolean set, String flag) {
        if (set) {
            out.append(' ').append(flag);
        }
    }

    private static String decodeText(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
