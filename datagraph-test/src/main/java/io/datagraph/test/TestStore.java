package io.datagraph.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The store of a test run: one Redis/Valkey server for the whole run, started on first use (the
 * binary from {@link RedisServer}), stopped when the run ends; {@code datagraph.redis.url} (a system
 * property) points every engine of the run at it. {@link DatagraphTest} registers it before the
 * engine starts; register it yourself ({@code @ExtendWith(TestStore.class)}) on a test class that
 * starts a {@link TestEngine} by hand or needs only the server. The port is free and random
 * unless {@value #PORT_PROPERTY} names one (a server started by the build is configured with it).
 * With {@value #CLUSTER_PROPERTY}{@code =true} it starts a three-master Redis Cluster instead and
 * sets {@code datagraph.redis.cluster-nodes}: the same tests then run against a Cluster.
 */
public final class TestStore implements BeforeAllCallback {

    /** The URL property the engine reads, through MicroProfile Config's system-property source. */
    public static final String URL_PROPERTY = "datagraph.redis.url";

    /** System property naming the port to use. */
    public static final String PORT_PROPERTY = "datagraph.test.redis.port";

    /** System property asking for a Redis Cluster. */
    public static final String CLUSTER_PROPERTY = "datagraph.test.cluster";

    private static volatile RedisServer server;
    private static volatile RedisCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
    }

    /** The shared server; only valid in a test class extended with this extension. */
    public static RedisServer server() {
        if (server == null) {
            throw new IllegalStateException("no shared Redis: extend the test class with TestStore");
        }
        return server;
    }

    /** The cluster's masters; only valid when {@link #cluster()}. */
    public static java.util.List<RedisServer> clusterNodes() {
        return cluster.nodes();
    }

    /** The configuration that points an engine at this test run's store. */
    public static java.util.Map<String, String> storeProperties() {
        return cluster() ? java.util.Map.of("datagraph.redis.cluster-nodes", cluster.nodeUrls())
                : java.util.Map.of(URL_PROPERTY, server().url());
    }

    /** Whether this test run uses a Redis Cluster. */
    public static boolean cluster() {
        return Boolean.getBoolean(CLUSTER_PROPERTY);
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        Holder() {
            if (cluster()) {
                cluster = RedisCluster.start(3);
                server = cluster.nodes().get(0);
                System.setProperty("datagraph.redis.cluster-nodes", cluster.nodeUrls());
                return;
            }
            String port = System.getProperty(PORT_PROPERTY);
            server = port == null || port.isBlank() ? RedisServer.start() : RedisServer.startOn(Integer.parseInt(port));
            System.setProperty(URL_PROPERTY, server.url());
        }

        @Override
        public void close() {
            if (cluster != null) {
                cluster.close();
            } else {
                server.close();
            }
        }
    }
}
