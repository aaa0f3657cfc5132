package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunEnded;
import io.datagraph.engine.exec.LocalExecutor;
import io.datagraph.engine.health.EngineMetrics;
import io.datagraph.engine.trace.Tracing;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.flow.Flow;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.run.DeploymentWarmUp;
import io.datagraph.engine.run.RunAdmission;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.testing.Await;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine runs a big run of its built-in processors at deployment, then a few small ones, and other
 * layers join it as parts; readiness waits for it all, and it leaves no trace: no key, no listed run, no
 * {@code RunEnded}, no metric.
 */
@EngineTest
@DatagraphTest(config = {"datagraph.node.warm-up-values=20000", "datagraph.node.warm-up-runs=7"}, beans = DeploymentWarmUpTest.EndedRuns.class)
class DeploymentWarmUpTest {

    /** Every run whose end this node told its observers of. */
    @ApplicationScoped
    public static class EndedRuns {
        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        void ended(@Observes RunEnded ended) {
            ids.add(ended.runId());
        }

        public Set<String> ids() {
            return Set.copyOf(ids);
        }
    }

    @Inject
    EndedRuns ended;

    @Inject
    EngineMetrics metrics;

    @Inject
    DeploymentWarmUp warmUp;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    StoreClient store;

    @Inject
    Datagraph datagraph;

    @Inject
    LocalExecutor localExecutor;

    @Inject
    Tracing tracing;

    @Inject
    RunAdmission admission;

    /** The local executor's pool as the warm-up left it, before any test starts a run. */
    private String poolAfterWarmUp;

    /** Whether the warm-up left tracing looked up, before any test starts a run. */
    private boolean tracingLookedUpAfterWarmUp;

    @BeforeAll
    void warmedUp() throws InterruptedException {
        Await.until(warmUp::done, Duration.ofSeconds(60), "the warm-up did not end within 60 s");
        poolAfterWarmUp = localExecutor.pool();
        tracingLookedUpAfterWarmUp = tracing.lookedUp();
    }

    @Test
    void theWarmUpLooksTheServersTracingUpSoTheFirstRunDoesNot() {
        assertTrue(tracingLookedUpAfterWarmUp);
    }

    @Test
    void theWarmUpRunsItsProcessorsOnThePoolEveryRunUsesSoTheFirstRunFindsItLookedUp() {
        // under plain CDI there is no naming service: the private pool, as for every run
        assertTrue(poolAfterWarmUp.startsWith("a private pool of "), poolAfterWarmUp);
    }

    @Test
    void readinessReportsTheWarmUpDoneAndTheRunsItRanAndCheckedComplete() {
        HealthCheckResponse check = warmUpCheck();
        assertEquals(HealthCheckResponse.Status.UP, check.getStatus());
        String engine = (String) check.getData().orElseThrow().get(DeploymentWarmUp.PART);
        // the small runs are counted as each completes with the right total
        assertTrue(engine.matches("ran its own range -> square -> sum over 20000 values, then 7 times over 10, in [0-9]+ ms"), engine);
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
    void theWarmUpsRunFiresNoRunEndedAndCountsInNoMetric() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 2));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        // the warm-up's end was signalled before this run started, and signals arrive in order
        Await.until(() -> ended.ids().contains(run.id()), Duration.ofSeconds(30), "no RunEnded for " + run.id());
        assertEquals(Set.of(), ended.ids().stream().filter(DeploymentWarmUp::isWarmUp).collect(Collectors.toSet()));
        String scraped = metrics.scrape();
        assertFalse(scraped.contains(ProcessorRegistry.BUILT_IN_PREFIX), scraped);
        // every run of this class is a user's run that completed: the warm-up's would be one more
        assertEquals(sample(scraped, "datagraph_runs_started_total"), sample(scraped, "datagraph_runs_finished_total{status=\"COMPLETED\"}"),
                scraped);
    }

    private static double sample(String scraped, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scraped);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }

    @Test
    void theWarmUpGivesBackEveryPlaceItTookAmongTheRunningRuns() {
        assertEquals(List.of(), admission.admitted().stream().filter(DeploymentWarmUp::isWarmUp).toList());
    }

    @Test
    void theWarmUpIsNeitherListedNorCountedAsARun() throws InterruptedException {
        assertTrue(datagraph.recent(100).stream().noneMatch(run -> run.id().startsWith("warm-up")));
        assertEquals(RunStatus.COMPLETED, datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 2))
                .await(Duration.ofSeconds(30)));
    }
}
