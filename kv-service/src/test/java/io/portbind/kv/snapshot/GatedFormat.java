package io.portbind.kv.snapshot;

import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.server.KvServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test double of {@link SnapshotFormat}: the server's own format, except that a save stops at its first key
 * until the test {@link #open()}s the gate, so the test can write while a save is midway.
 */
final class GatedFormat implements SnapshotFormat {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch reached = new CountDownLatch(1);

    void open() {
        gate.countDown();
    }

    /** Waits until a save is held at the gate. */
    boolean awaitHeld() throws InterruptedException {
        return reached.await(10, TimeUnit.SECONDS);
    }

    @Override
    public void write(KeyspaceView view, OutputStream out) throws IOException {
        KvServer.SNAPSHOT_FORMAT.write(new KeyspaceView() {
            @Override
            public long size(int db) {
                return view.size(db);
            }

            @Override
            public long expiringSize(int db) {
                return view.expiringSize(db);
            }

            @Override
            public void forEach(int db, EntryVisitor visitor) throws IOException {
                view.forEach(db, (key, value, expireAt) -> {
                    reached.countDown();
                    try {
                        if (!gate.await(10, TimeUnit.SECONDS)) {
                            throw new IOException("the test never opened the gate");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    visitor.visit(key, value, expireAt);
                });
            }
        }, out);
    }

    @Override
    public void read(InputStream in, String fileName, LoadTarget target) throws IOException {
        KvServer.SNAPSHOT_FORMAT.read(in, fileName, target);
    }
}
