package io.datagraph.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Redis server for the whole test run (on first use), points
 * {@code datagraph.redis.url} at it, and stops it when the run ends. Register it before
 * {@code @EnableWeld} so the engine finds the URL when it starts.
 */
public final class SharedRedis implements BeforeAllCallback {

    /** The URL property the engine reads, through MicroProfile Config's system-property source. */
    public static final String URL_PROPERTY = "datagraph.redis.url";

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    /** The shared server, started if needed. */
    public static RedisServer server(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
        return holder.server;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final RedisServer server = RedisServer.start();

        Holder() {
            System.setProperty(URL_PROPERTY, server.url());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
