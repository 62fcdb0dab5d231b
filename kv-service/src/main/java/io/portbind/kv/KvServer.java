package io.portbind.kv;

import io.netty.channel.ChannelHandler;
import io.portbind.common.config.Config;
import io.portbind.common.server.ServerApplication;

/** The kv-service as the shared bootstrap sees it. */
public final class KvServer implements ServerApplication {

    public KvServer(Config config) {
    }

    @Override
    public ChannelHandler childHandler() {
        return new KvChannelInitializer();
    }
}
