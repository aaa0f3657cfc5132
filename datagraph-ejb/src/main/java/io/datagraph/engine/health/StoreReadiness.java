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
import org.redisson.api.redisnode.RedisNodes;

import java.util.concurrent.TimeUnit;

/** Ready while every store node answers a PING within a second; runs need the store for everything. */
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
                    : store.redisson().getRedisNodes(RedisNodes.SINGLE);
            up = nodes.pingAll(1, TimeUnit.SECONDS);
            if (!up) {
                error = "the store at " + store.address() + " did not answer a ping within a second";
            }
            if (up && directory.refused().isPresent()) {
                up = false;
                error = directory.refused().get();
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
}
