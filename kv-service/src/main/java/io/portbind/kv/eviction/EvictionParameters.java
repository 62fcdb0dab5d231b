package io.portbind.kv.eviction;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.MemoryValue;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.ConfigEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * The eviction settings as CONFIG GET shows them and CONFIG SET changes them, with the reasons redis-server 7.0
 * gives for a bad value (CONFIG SET wraps each in {@code ERR CONFIG SET failed (possibly related to argument
 * '...') - }).
 */
final class EvictionParameters {

    private static final String NOT_MEMORY = "argument must be a memory value";
    private static final String NOT_INTEGER = "argument couldn't be parsed into an integer";

    private EvictionParameters() {
    }

    /**
     * @param limitChanged run after maxmemory was set, under the lock (evicts at once when the new limit is below
     *                     what is used, as Redis's updateMaxmemory)
     * @param policyChanged run after maxmemory-policy was set (switches keys between LRU and LFU stamps)
     */
    static List<ConfigEntry> of(EvictionSettings settings, Runnable limitChanged, Runnable policyChanged) {
        return List.of(
                new ConfigEntry("maxmemory", () -> Long.toUnsignedString(settings.maxmemory()), (call, text) -> {
                    settings.maxmemory(memory(text));
                    limitChanged.run();
                }),
                new ConfigEntry("maxmemory-policy", () -> settings.policy().text(), (call, text) -> {
                    settings.policy(policy(text));
                    policyChanged.run();
                }),
                integer("maxmemory-samples", settings::samples, 1, Integer.MAX_VALUE, settings::samples),
                integer("maxmemory-eviction-tenacity", settings::tenacity, 0, 100, settings::tenacity),
                integer("lfu-log-factor", settings::lfuLogFactor, 0, Integer.MAX_VALUE, settings::lfuLogFactor),
                integer("lfu-decay-time", settings::lfuDecayTime, 0, Integer.MAX_VALUE, settings::lfuDecayTime));
    }

    /** A maxmemory value: bytes or a Redis unit ({@code 100mb}, {@code 1gb}). */
    static long memory(String text) {
        try {
            return MemoryValue.parse(text);
        } catch (IllegalArgumentException notMemory) {
            throw new CommandError(NOT_MEMORY);
        }
    }

    static MaxmemoryPolicy policy(String text) {
        MaxmemoryPolicy policy = MaxmemoryPolicy.find(text);
        if (policy == null) {
            throw new CommandError("argument(s) must be one of the following: " + MaxmemoryPolicy.listed());
        }
        return policy;
    }

    private static ConfigEntry integer(String name, IntSupplier value, int min, int max,
                                           IntConsumer setter) {
        return new ConfigEntry(name, () -> Integer.toString(value.getAsInt()), (call, text) -> {
            long parsed;
            try {
                parsed = Numbers.parseLong(text.getBytes(StandardCharsets.UTF_8));
            } catch (CommandError notInteger) {
                throw new CommandError(NOT_INTEGER);
            }
            if (parsed < min || parsed > max) {
                throw new CommandError("argument must be between " + min + " and " + max + " inclusive");
            }
            setter.accept((int) parsed);
        });
    }
}
