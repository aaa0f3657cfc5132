package io.datagraph.engine.health;

import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.redisnode.RedisNode;

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
    NodeDirectory directory;

    @Override
    public HealthCheckResponse call() {
        boolean up;
        String error = null;
        try {
            up = store.nodes().pingAll(1, TimeUnit.SECONDS);
            if (!up) {
                error = "the store at " + store.address() + " did not answer a ping within a second";
            }
            if (up && directory.refused().isPresent()) {
                up = false;
                error = directory.refused().get();
            }
            if (up) {
                error = evictionRisk();
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
    private String evictionRisk() {
        for (RedisNode node : store.masters()) {
            String policy = node.info(RedisNode.InfoSection.MEMORY).get("maxmemory_policy");
            if (policy != null && !policy.equals("noeviction")) {
                return "the store at " + node.getAddr() + " evicts keys when memory runs short (maxmemory-policy "
                        + policy + "): values of running runs would vanish; set maxmemory-policy noeviction";
            }
        }
        return null;
    }

}
