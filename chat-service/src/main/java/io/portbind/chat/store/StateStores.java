package io.portbind.chat.store;

import io.portbind.chat.throttle.EventTallies;
import io.portbind.chat.throttle.InMemoryWindowCounters;
import io.portbind.chat.throttle.RecentEvents;
import io.portbind.chat.throttle.WindowCounters;
import io.portbind.common.resp.RespClient;
import java.util.Optional;

/**
 * Everything the chat-service keeps beyond one connection, in one place: in this process's memory, or in
 * the RESP store named by {@code KV_URL} (see {@code store.resp.RespStateStores}).
 *
 * @param description  where the state lives, for the start-up log
 * @param durable      whether the state outlives the process
 * @param client       the RESP store's client, which {@link #close} closes; empty in memory
 */
public record StateStores(AccountStore accounts, RosterStore rosters, OfflineStore offline, WindowCounters counters,
                          EventTallies.Source failures, String description, boolean durable, Optional<RespClient> client)
        implements AutoCloseable {

    /** Counter keys kept at most in memory: a flood of client networks cannot make the table grow past this. */
    private static final int COUNTER_CAPACITY = 10_000;

    public static StateStores inMemory(int offlineLimit) {
        return new StateStores(new InMemoryAccountStore(), new InMemoryRosterStore(),
                new InMemoryOfflineStore(offlineLimit), new InMemoryWindowCounters(COUNTER_CAPACITY),
                RecentEvents.inMemory(),
                "in memory, not durable: accounts, rosters and offline messages are lost when the process stops "
                + "(set KV_URL to keep them)", false, Optional.empty());
    }

    @Override
    public void close() {
        client.ifPresent(RespClient::close);
    }
}
