package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.flow.Flow;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.run.DeploymentWarmUp;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.testing.Await;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine runs its per-value path once at deployment; readiness waits for it, and it leaves no trace. */
@EngineTest
@DatagraphTest(config = "datagraph.node.warm-up-values=20000")
class DeploymentWarmUpTest {

    @Inject
    DeploymentWarmUp warmUp;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    StoreClient store;

    @Inject
    Datagraph datagraph;

    @BeforeAll
    void warmedUp() throws InterruptedException {
        Await.until(warmUp::done, Duration.ofSeconds(60), "the warm-up did not end within 60 s");
    }

    @Test
    void readinessReportsTheWarmUpDone() {
        HealthCheckResponse response = readiness.stream().map(HealthCheck::call)
                .filter(r -> r.getName().equals("datagraph-warm-up")).findFirst().orElseThrow();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
    }

    @Test
    void theWarmUpLeavesNoKeyInTheStore() {
        List<String> left = store.redisson().getKeys().getKeysStreamByPattern("*warm-up*").collect(Collectors.toList());
        assertEquals(List.of(), left);
    }

    @Test
    void theWarmUpIsNeitherListedNorCountedAsARun() throws InterruptedException {
        assertTrue(datagraph.recent(100).stream().noneMatch(run -> run.id().startsWith("warm-up")));
        assertEquals(RunStatus.COMPLETED, datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 2))
                .await(Duration.ofSeconds(30)));
    }
}
