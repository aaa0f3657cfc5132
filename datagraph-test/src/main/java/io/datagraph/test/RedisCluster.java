package io.datagraph.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis Cluster of three masters on loopback, made of {@link RedisServer} processes in
 * cluster mode and joined with plain commands (CLUSTER MEET, ADDSLOTS), so no redis-cli is needed.
 */
public final class RedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;

    private final List<RedisServer> nodes = new ArrayList<>();

    private RedisCluster() {
    }

    public static RedisCluster start(int masters) {
        RedisCluster cluster = new RedisCluster();
        try {
            for (int i = 0; i < masters; i++) {
                cluster.nodes.add(RedisServer.start("--cluster-enabled", "yes", "--cluster-config-file",
                        "datagraph-cluster-" + ProcessHandle.current().pid() + "-" + i + ".conf",
                        "--cluster-node-timeout", "2000"));
            }
            cluster.join();
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("cannot form a Redis Cluster", e);
        }
    }

    private void join() throws IOException {
        RedisServer first = nodes.get(0);
        for (RedisServer node : nodes.subList(1, nodes.size())) {
            expectOk(first.command("CLUSTER", "MEET", "127.0.0.1", String.valueOf(node.port())));
        }
        int per = SLOTS / nodes.size();
        for (int i = 0; i < nodes.size(); i++) {
            int from = i * per;
            int to = i == nodes.size() - 1 ? SLOTS - 1 : from + per - 1;
            // ADDSLOTS, not ADDSLOTSRANGE: the latter needs Redis 7 and the bundled server is 6.2
            for (int chunk = from; chunk <= to; chunk += 1000) {
                StringJoiner slots = new StringJoiner(" ");
                for (int slot = chunk; slot <= Math.min(to, chunk + 999); slot++) {
                    slots.add(String.valueOf(slot));
                }
                expectOk(nodes.get(i).command("CLUSTER", "ADDSLOTS", slots.toString()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (RedisServer node : nodes) {
            while (!node.command("CLUSTER", "INFO").contains("cluster_state:ok")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cluster did not reach state ok: " + node.command("CLUSTER", "INFO"));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void expectOk(String reply) {
        if (!reply.startsWith("+OK")) {
            throw new IllegalStateException("cluster command failed: " + reply);
        }
    }

    /** Node URLs, comma-separated, as {@code datagraph.redis.cluster-nodes} takes them. */
    public String nodeUrls() {
        StringJoiner urls = new StringJoiner(",");
        nodes.forEach(node -> urls.add(node.url()));
        return urls.toString();
    }

    public List<RedisServer> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::close);
    }
}
