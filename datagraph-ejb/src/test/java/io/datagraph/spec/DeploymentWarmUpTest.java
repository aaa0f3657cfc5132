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

/**
 * The engine runs its per-value path once at deployment, and other layers join it as parts; readiness waits
 * for it all, and it leaves no trace.
 */
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
        assertEquals(HealthCheckResponse.Status.UP, warmUpCheck().getStatus());
    }

    @Test
    void theWarmUpLeavesNoKeyInTheStore() {
        List<String> left = store.redisson().getKeys().getKeysStreamByPattern("*warm-up*").collect(Collectors.toList());
        assertEquals(List.of(), left);
    }

    @Test
    void readinessWaitsForEveryJoinedPartAndReportsWhatItDid() {
        DeploymentWarmUp.Part part = warmUp.join("a-layer");
        try {
            part.report("calling itself");
            HealthCheckResponse waiting = warmUpCheck();
            assertEquals(HealthCheckResponse.Status.DOWN, waiting.getStatus());
            assertEquals("calling itself", waiting.getData().orElseThrow().get("a-layer"));
        } finally {
            part.end("called itself 5 times");
        }
        HealthCheckResponse done = warmUpCheck();
        assertEquals(HealthCheckResponse.Status.UP, done.getStatus());
        assertEquals("called itself 5 times", done.getData().orElseThrow().get("a-layer"));
    }

    @Test
    void aThrowawayRunReadsLikeAnOutputUntilClosedAndThenLeavesNoKey() {
        String id;
        try (DeploymentWarmUp.ThrowawayRun run = warmUp.open(1000)) {
            id = run.id();
            long sum = 0;
            for (Long value : datagraph.run(id).<Long>io(run.stream(), Long.class)) {
                sum += value;
            }
            assertEquals(run.sum(), sum);
            assertTrue(datagraph.recent(100).stream().noneMatch(listed -> listed.id().equals(id)));
        }
        assertEquals(List.of(), store.redisson().getKeys().getKeysStreamByPattern("*" + id + "*").collect(Collectors.toList()));
    }

    private HealthCheckResponse warmUpCheck() {
        return readiness.stream().map(HealthCheck::call).filter(r -> r.getName().equals("datagraph-warm-up")).findFirst()
                .orElseThrow();
    }

    @Test
    void theWarmUpIsNeitherListedNorCountedAsARun() throws InterruptedException {
        assertTrue(datagraph.recent(100).stream().noneMatch(run -> run.id().startsWith("warm-up")));
        assertEquals(RunStatus.COMPLETED, datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 2))
                .await(Duration.ofSeconds(30)));
    }
}
