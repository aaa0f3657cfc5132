package io.datagraph.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Redis server for the whole test run (on first use), points
 * {@code datagraph.redis.url} at it, and stops it when the run ends. Register it before
 * {@code @EnableWeld} so the engine finds the URL when it starts. The port is free and random
 * unless {@value #PORT_PROPERTY} names one (a server started by the build is configured with it).
 */
public final class SharedRedis implements BeforeAllCallback {

    /** The URL property the engine reads, through MicroProfile Config's system-property source. */
    public static final String URL_PROPERTY = "datagraph.redis.url";

    /** System property naming the port to use. */
    public static final String PORT_PROPERTY = "datagraph.test.redis.port";

    private static volatile RedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
    }

    /** The shared server; only valid in a test class extended with this extension. */
    public static RedisServer server() {
        if (server == null) {
            throw new IllegalStateException("no shared Redis: extend the test class with SharedRedis");
        }
        return server;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        Holder() {
            String port = System.getProperty(PORT_PROPERTY);
            server = port == null || port.isBlank() ? RedisServer.start() : RedisServer.startOn(Integer.parseInt(port));
            System.setProperty(URL_PROPERTY, server.url());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
