package io.portbind.kv.snapshot;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.DefaultFileRegion;
import io.netty.util.AttributeKey;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Session;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of Redis's replication handshake that fetches a snapshot, as {@code redis-cli --rdb} uses it:
 * {@code REPLCONF rdb-only 1}, then {@code SYNC} (or {@code PSYNC ? -1}) answers with the whole dataset as one
 * RDB bulk ({@code $<length>} and the file's bytes, after {@code +FULLRESYNC <replid> 0} for PSYNC) and closes
 * the connection, as Redis does for an rdb-only replica. The snapshot is the copy-on-write view a BGSAVE takes,
 * written to a temporary file in {@code dir} on a thread of its own and sent from there, so other clients go on.
 * kv-service keeps no replicas: SYNC without {@code rdb-only} is refused rather than answered with a snapshot
 * and then a silent stream.
 */
public final class SnapshotTransferCommands implements CommandFamily {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTransferCommands.class);
    /** Set by {@code REPLCONF rdb-only 1} on the connection that sent it. */
    private static final AttributeKey<Boolean> RDB_ONLY = AttributeKey.valueOf("kv.replconf.rdb-only");
    private static final CommandError PENDING_OUTPUT =
            new CommandError("ERR SYNC and PSYNC are invalid with pending output");
    private static final CommandError NO_REPLICAS = new CommandError("ERR kv-service does not keep replicas: "
            + "send REPLCONF rdb-only 1 first to fetch a snapshot (redis-cli --rdb)");
    private static final CommandError RDB_ONLY_RANGE =
            new CommandError("ERR value is out of range, value must between 0 and 1");

    /** One transfer written at a time; the thread ends when none is waiting. */
    private final ExecutorService writer = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "kv-snapshot-transfer");
                thread.setDaemon(true);
                return thread;
            });

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("replconf", SnapshotTransferCommands::replconf)
                .bind("sync", call -> transfer(call, null))
                .bind("psync", call -> {
                    Numbers.parseLong(call.arg(2)); // an offset that is no integer is refused before anything
                    transfer(call, "+FULLRESYNC " + call.server().runId() + " 0\r\n");
                });
    }

    /**
     * REPLCONF option value ...: Redis's replies for the options a client may send. ACK and GETACK come from
     * replicas and masters only, which this server never has, and Redis answers those from others with nothing.
     */
    private static void replconf(Call call) {
        if (call.argCount() % 2 == 0) {
            throw CommandError.SYNTAX;
        }
        for (int i = 1; i < call.argCount(); i += 2) {
            if (call.is(i, "listening-port")) {
                call.longArg(i + 1);
            } else if (call.is(i, "rdb-only")) {
                long value = call.longArg(i + 1);
                if (value != 0 && value != 1) {
                    throw RDB_ONLY_RANGE;
                }
                call.session().channel().attr(RDB_ONLY).set(value == 1);
            } else if (call.is(i, "ack") || call.is(i, "getack")) {
                return;
            } else if (!call.is(i, "ip-address") && !call.is(i, "capa")) {
                throw new CommandError("ERR Unrecognized REPLCONF option: " + call.text(i));
            }
        }
        call.reply().ok();
    }

    /** SYNC and PSYNC: the snapshot, preceded by {@code header} when not null, then the connection closes. */
    private void transfer(Call call, String header) {
        Session session = call.session();
        Channel channel = session.channel();
        if (!Boolean.TRUE.equals(channel.attr(RDB_ONLY).get())) {
            throw NO_REPLICAS;
        }
        ChannelOutboundBuffer unsent = channel.unsafe().outboundBuffer();
        if (call.reply().buffer().isReadable() || unsent != null && unsent.totalPendingWriteBytes() > 0) {
            throw PENDING_OUTPUT;
        }
        Snapshots snapshots = SnapshotCommands.snapshots(call);
        KeyspaceView view = call.keyspace().snapshot();
        Path file = snapshots.dir().resolve("temp-sync-" + ProcessHandle.current().pid() + "-" + session.id()
                + ".rdb");
        session.park();
        call.server().stats().fullSyncServed();
        LOG.info("Client {} fetches a snapshot (REPLCONF rdb-only): {} keys", channel.remoteAddress(), view.keys());
        writer.execute(() -> {
            try (view) {
                write(snapshots.format(), view, file);
                send(channel, header, file);
            } catch (IOException | RuntimeException e) {
                LOG.error("Snapshot transfer to {} failed: {}", channel.remoteAddress(), e.toString());
                delete(file);
                channel.close();
            }
        });
    }

    private static void write(SnapshotFormat format, KeyspaceView view, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            format.write(view, out);
        }
    }

    /** On the connection's event loop, after whatever it is doing: header, bulk length, the file, then close. */
    private static void send(Channel channel, String header, Path file) throws IOException {
        long length = Files.size(file);
        String prefix = (header == null ? "" : header) + "$" + length + "\r\n";
        channel.eventLoop().execute(() -> {
            channel.write(Unpooled.copiedBuffer(prefix, StandardCharsets.US_ASCII));
            channel.writeAndFlush(new DefaultFileRegion(file.toFile(), 0, length)).addListener(done -> {
                delete(file);
                if (done.isSuccess()) {
                    LOG.info("Snapshot transfer to {} succeeded: {} bytes", channel.remoteAddress(), length);
                } else {
                    LOG.warn("Snapshot transfer to {} failed: {}", channel.remoteAddress(), done.cause().toString());
                }
                channel.close();
            });
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot remove {}: {}", file, e.toString());
        }
    }
}
