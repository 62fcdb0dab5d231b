package io.portbind.kv.table;

import java.util.function.BiConsumer;

/** Fields a feature contributes to an INFO section, written in order as {@code name:value} lines. */
@FunctionalInterface
public interface InfoFields {

    void write(BiConsumer<String, Object> field);
}
