package io.portbind.kv.declaration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one command file, {@code commands/<name>.json} on the classpath, into a {@link CommandDeclaration}. The
 * file holds one object whose single field is the command's upper-case name, in the shape of Redis 7's
 * {@code src/commands/*.json} (see the kv-service resources). Reading is strict: unknown fields, unknown flag or
 * category names, wrong types, repeated fields, MOVABLEKEYS (which is derived), a key argument without a key spec
 * index, an index past the key specs and a name that does not match the file name are all errors, so that a
 * mistake in the data shows when the file is first read rather than as a wrong reply. One field is ours, not
 * Redis's: {@code dispatch_rules}, the {@link DispatchRule}s Redis expresses in code instead.
 */
public final class CommandFile {

    /** The classpath directory of the command files. */
    public static final String DIRECTORY = "commands/";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CommandFile() {
    }

    /**
     * Loads {@code commands/<fileName>} ({@code get.json}, {@code config-get.json}) from the classpath.
     *
     * @throws IllegalStateException naming the file and the fault when it is missing or malformed
     */
    public static CommandDeclaration load(String fileName) {
        String resource = DIRECTORY + fileName;
        try (InputStream in = CommandFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": no such resource on the classpath");
            }
            return parse(fileName, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the content of the command file {@code fileName}, which the declared name must match.
     *
     * @throws IllegalStateException naming the file and the fault when the content is malformed
     */
    public static CommandDeclaration parse(String fileName, byte[] json) {
        String resource = DIRECTORY + fileName;
        try {
            CommandDeclaration declaration = declaration(JSON.readTree(json));
            if (!declaration.fileName().equals(fileName)) {
                throw new IllegalArgumentException("declares " + declaration.fullName() + ", whose file would be "
                        + declaration.fileName());
            }
            return declaration;
        } catch (JacksonException e) {
            throw new IllegalStateException(resource + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    private static CommandDeclaration declaration(JsonNode root) {
        JsonFields top = JsonFields.of(root, "the file");
        String name = top.soleFieldName();
        upperCase(name, "the command name");
        JsonFields body = JsonFields.of(top.take(name), name);
        String summary = body.text("summary");
        String complexity = body.optionalText("complexity");
        String group = body.text("group");
        if (!Vocabulary.GROUPS.contains(group)) {
            throw new IllegalArgumentException(name + ".group has unknown group \"" + group + "\"");
        }
        String since = body.text("since");
        int arity = body.integer("arity");
        if (arity == 0) {
            throw new IllegalArgumentException(name + ".arity must not be 0");
        }
        String container = body.optionalText("container");
        if (container != null) {
            upperCase(container, name + ".container");
        }
        List<HistoryEntry> history = history(body);
        String deprecatedSince = body.optionalText("deprecated_since");
        String replacedBy = body.optionalText("replaced_by");
        Set<String> docFlags = body.names("doc_flags", Vocabulary.DOC_FLAGS);
        Set<String> commandFlags = body.names("command_flags", Vocabulary.COMMAND_FLAGS);
        if (commandFlags.contains(Vocabulary.MOVABLEKEYS)) {
            throw new IllegalArgumentException(name + ".command_flags must not list MOVABLEKEYS, which is derived "
                    + "from the key specs");
        }
        Set<String> aclCategories = body.names("acl_categories", Vocabulary.ACL_CATEGORIES);
        List<String> tips = body.strings("command_tips");
        for (String tip : tips) {
            upperCase(tip, name + ".command_tips");
        }
        List<KeySpec> keySpecs = new ArrayList<>();
        List<JsonNode> specNodes = body.array("key_specs");
        for (int i = 0; i < specNodes.size(); i++) {
            keySpecs.add(keySpec(JsonFields.of(specNodes.get(i), name + ".key_specs[" + i + "]")));
        }
        List<ArgumentSpec> arguments = arguments(body, keySpecs.size());
        Set<DispatchRule> rules = EnumSet.noneOf(DispatchRule.class);
        body.names("dispatch_rules", Vocabulary.DISPATCH_RULES).forEach(rule -> rules.add(DispatchRule.valueOf(rule)));
        body.finish();
        return new CommandDeclaration(name, container, summary, complexity, group, since, arity, history,
                deprecatedSince, replacedBy, docFlags, commandFlags, aclCategories, tips, keySpecs, arguments, rules);
    }

    private static List<HistoryEntry> history(JsonFields body) {
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode entry : body.array("history")) {
            if (!entry.isArray() || entry.size() != 2 || !entry.get(0).isTextual() || !entry.get(1).isTextual()) {
                throw new IllegalArgumentException(body.where() + ".history entries must be [version, change]");
            }
            history.add(new HistoryEntry(entry.get(0).textValue(), entry.get(1).textValue()));
        }
        return history;
    }

    private static KeySpec keySpec(JsonFields spec) {
        String notes = spec.optionalText("notes");
        Set<String> flags = spec.names("flags", Vocabulary.KEY_SPEC_FLAGS);
        BeginSearch begin = beginSearch(spec.object("begin_search"));
        FindKeys find = findKeys(spec.object("find_keys"));
        spec.finish();
        return new KeySpec(notes, flags, begin, find);
    }

    private static BeginSearch beginSearch(JsonFields search) {
        String kind = search.soleFieldName();
        BeginSearch begin;
        if (kind.equals("index")) {
            JsonFields index = search.object(kind);
            begin = new BeginSearch.Index(index.integer("pos"));
            index.finish();
        } else if (kind.equals("keyword")) {
            JsonFields keyword = search.object(kind);
            begin = new BeginSearch.Keyword(keyword.text("keyword"), keyword.integer("startfrom"));
            keyword.finish();
        } else if (kind.equals("unknown")) {
            unknown(search, kind);
            begin = new BeginSearch.Unknown();
        } else {
            throw new IllegalArgumentException(search.where() + " has unknown kind \"" + kind + "\"");
        }
        search.finish();
        return begin;
    }

    private static FindKeys findKeys(JsonFields search) {
        String kind = search.soleFieldName();
        FindKeys find;
        if (kind.equals("range")) {
            JsonFields range = search.object(kind);
            find = new FindKeys.Range(range.integer("lastkey"), range.integer("step"), range.integer("limit"));
            range.finish();
        } else if (kind.equals("keynum")) {
            JsonFields keyNum = search.object(kind);
            find = new FindKeys.KeyNum(keyNum.integer("keynumidx"), keyNum.integer("firstkey"),
                    keyNum.integer("step"));
            keyNum.finish();
        } else if (kind.equals("unknown")) {
            unknown(search, kind);
            find = new FindKeys.Unknown();
        } else {
            throw new IllegalArgumentException(search.where() + " has unknown kind \"" + kind + "\"");
        }
        search.finish();
        return find;
    }

    /** Redis's files write an unknown search as {@code {"unknown": null}}. */
    private static void unknown(JsonFields search, String kind) {
        JsonNode value = search.take(kind);
        if (!value.isNull()) {
            throw new IllegalArgumentException(search.where() + ".unknown must be null");
        }
    }

    private static List<ArgumentSpec> arguments(JsonFields owner, int keySpecs) {
        List<ArgumentSpec> arguments = new ArrayList<>();
        List<JsonNode> nodes = owner.array("arguments");
        for (int i = 0; i < nodes.size(); i++) {
            arguments.add(argument(JsonFields.of(nodes.get(i), owner.where() + ".arguments[" + i + "]"), keySpecs));
        }
        return arguments;
    }

    private static ArgumentSpec argument(JsonFields argument, int keySpecs) {
        String where = argument.where();
        String name = argument.text("name");
        String type = argument.text("type");
        if (!Vocabulary.ARGUMENT_TYPES.contains(type)) {
            throw new IllegalArgumentException(where + ".type has unknown type \"" + type + "\"");
        }
        int keySpecIndex = argument.optionalInteger("key_spec_index", -1);
        // A key always names its spec; so may an argument that leads to keys (SORT's BY pattern).
        if (type.equals("key") && keySpecIndex < 0) {
            throw new IllegalArgumentException(where + " is a key without a key_spec_index");
        }
        if (keySpecIndex >= keySpecs) {
            throw new IllegalArgumentException(where + ".key_spec_index " + keySpecIndex + " points past the "
                    + keySpecs + " key specs");
        }
        String token = argument.optionalText("token");
        String summary = argument.optionalText("summary");
        String since = argument.optionalText("since");
        String deprecatedSince = argument.optionalText("deprecated_since");
        String display = argument.optionalText("display");
        boolean optional = argument.flag("optional");
        boolean multiple = argument.flag("multiple");
        boolean multipleToken = argument.flag("multiple_token");
        List<ArgumentSpec> parts = arguments(argument, keySpecs);
        boolean compound = type.equals("oneof") || type.equals("block");
        if (compound == parts.isEmpty()) {
            throw new IllegalArgumentException(where + " must have arguments if and only if it is a oneof or block");
        }
        argument.finish();
        return new ArgumentSpec(name, type, keySpecIndex, token, summary, since, deprecatedSince, display, optional,
                multiple, multipleToken, parts);
    }

    private static void upperCase(String text, String what) {
        if (!text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " must be upper case: \"" + text + "\"");
        }
    }
}
