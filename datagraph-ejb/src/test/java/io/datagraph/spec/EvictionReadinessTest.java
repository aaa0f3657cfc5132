package io.datagraph.spec;

import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store that would evict keys under memory pressure is not ready, and says why; one that never evicts is. */
@EngineTest
class EvictionReadinessTest {

    private static final RedisServer STORE = RedisServer.start("--maxmemory-policy", "allkeys-lru");

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @DatagraphTest.Configuration
    static Map<String, String> evictingStore() {
        return STORE.asTheStore();
    }

    @AfterAll
    void stopTheStore() {
        STORE.close();
    }

    private HealthCheckResponse storeReadiness() {
        return readiness.stream().map(HealthCheck::call).filter(r -> r.getName().equals("datagraph-store"))
                .findFirst().orElseThrow();
    }

    @Test
    void anEvictingStoreIsNotReadyNamingThePolicyUntilItStopsEvicting() throws IOException {
        HealthCheckResponse evicting = storeReadiness();
        assertEquals(HealthCheckResponse.Status.DOWN, evicting.getStatus());
        String error = String.valueOf(evicting.getData().orElseThrow().get("error"));
        assertTrue(error.contains("maxmemory-policy allkeys-lru") && error.contains("noeviction"), error);
        STORE.command("CONFIG", "SET", "maxmemory-policy", "noeviction");
        assertEquals(HealthCheckResponse.Status.UP, storeReadiness().getStatus());
    }
}
