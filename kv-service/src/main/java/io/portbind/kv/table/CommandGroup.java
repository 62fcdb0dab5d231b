package io.portbind.kv.table;

/** The groups of {@code COMMAND DOCS}, one per command family. */
public enum CommandGroup {
    GENERIC("generic"),
    STRING("string"),
    LIST("list"),
    SET("set"),
    SORTED_SET("sorted-set"),
    HASH("hash"),
    PUBSUB("pubsub"),
    TRANSACTIONS("transactions"),
    CONNECTION("connection"),
    SERVER("server");

    private final String docName;

    CommandGroup(String docName) {
        this.docName = docName;
    }

    public String docName() {
        return docName;
    }
}
