package io.datagraph.engine.health;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.redisnode.BaseRedisNodes;
import org.redisson.api.redisnode.RedisCluster;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisSentinelMasterSlave;
import org.redisson.api.redisnode.RedisSingle;
import org.redisson.api.redisnode.RedisNodes;

import java.util.concurrent.TimeUnit;

/**
 * Ready while every store node answers a PING within a second (runs need the store for everything),
 * this node may join the installation, and no store node would evict keys under memory pressure
 * (a {@code maxmemory-policy} other than {@code noeviction} drops values of running runs silently).
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    NodeDirectory directory;

    @Override
    public HealthCheckResponse call() {
        boolean up;
        String error = null;
        try {
            BaseRedisNodes nodes = config.store().clusterNodes().isPresent()
                    ? store.redisson().getRedisNodes(RedisNodes.CLUSTER)
                    : config.store().sentinel().isPresent()
                    ? store.redisson().getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE)
                    : store.redisson().getRedisNodes(RedisNodes.SINGLE);
            up = nodes.pingAll(1, TimeUnit.SECONDS);
            if (!up) {
                error = "the store at " + store.address() + " did not answer a ping within a second";
            }
            if (up && directory.refused().isPresent()) {
                up = false;
                error = directory.refused().get();
            }
            if (up) {
                error = evictionRisk(nodes);
                up = error == null;
            }
        } catch (RuntimeException e) {
            up = false;
            error = store.unavailable(e).getMessage();
        }
        var response = HealthCheckResponse.named("datagraph-store").status(up).withData("store", store.address());
        if (error != null) {
            response.withData("error", error);
        }
        return response.build();
    }

    /** Why a store node would evict keys, or null: read from INFO, which managed stores allow where CONFIG is not. */
    private static String evictionRisk(BaseRedisNodes nodes) {
        java.util.Collection<? extends RedisNode> masters = nodes instanceof RedisCluster cluster ? cluster.getMasters()
                : nodes instanceof RedisSentinelMasterSlave sentinel ? java.util.List.of(sentinel.getMaster())
                : java.util.List.of(((RedisSingle) nodes).getInstance());
        for (RedisNode node : masters) {
            String policy = node.info(RedisNode.InfoSection.MEMORY).get("maxmemory_policy");
            if (policy != null && !policy.equals("noeviction")) {
                return "the store at " + node.getAddr() + " evicts keys when memory runs short (maxmemory-policy "
                        + policy + "): values of running runs would vanish; set maxmemory-policy noeviction";
            }
        }
        return null;
    }
}
