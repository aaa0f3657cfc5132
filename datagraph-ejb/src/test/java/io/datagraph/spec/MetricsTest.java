package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.engine.health.EngineMetrics;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.Await;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's metrics count what its runs and processors did (a key prefix of its own: the store-wide
 * gauges see only this class's runs).
 */
@EngineTest
@DatagraphTest(config = "datagraph.key-prefix=metrics")
class MetricsTest {

    @Inject
    Datagraph datagraph;

    @Inject
    EngineMetrics metrics;

    /** The value of the sample {@code series} (name and labels exactly as written), or -1 if absent. */
    private double sample(String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics.scrape());
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }

    private RunStatus ran(Flow flow, Map<String, List<?>> inputs) throws InterruptedException {
        Run run = datagraph.start(flow, inputs);
        return run.await(Duration.ofSeconds(30));
    }

    @Test
    void valuesEmittedAndReadAreCountedPerProcessorAndStream() throws InterruptedException {
        double emitted = Math.max(0, sample("datagraph_processor_values_emitted_total{processor=\"range\",stream=\"numbers\"}"));
        double read = Math.max(0, sample("datagraph_processor_values_read_total{processor=\"square\",stream=\"numbers\"}"));
        assertEquals(RunStatus.COMPLETED, ran(Flow.of("range", "square", "sum"), Map.of("count", List.of(2500))));
        assertEquals(emitted + 2500, sample("datagraph_processor_values_emitted_total{processor=\"range\",stream=\"numbers\"}"));
        assertEquals(read + 2500, sample("datagraph_processor_values_read_total{processor=\"square\",stream=\"numbers\"}"));
        assertTrue(sample("datagraph_processor_invocations_total{processor=\"sum\"}") >= 1);
    }

    @Test
    void aCompletedRunIsCountedOnceWithItsDuration() throws InterruptedException {
        double completed = Math.max(0, sample("datagraph_runs_finished_total{status=\"COMPLETED\"}"));
        double durations = Math.max(0, sample("datagraph_run_duration_seconds_count"));
        double started = Math.max(0, sample("datagraph_runs_started_total"));
        assertEquals(RunStatus.COMPLETED, ran(Flow.of("multiply"), Map.of("foo", List.of(3))));
        assertEquals(started + 1, sample("datagraph_runs_started_total"));
        assertEquals(completed + 1, sample("datagraph_runs_finished_total{status=\"COMPLETED\"}"));
        assertEquals(durations + 1, sample("datagraph_run_duration_seconds_count"));
    }

    @Test
    void aFailedRunCountsTheProcessorsFailureAndTheRunsEnd() throws InterruptedException {
        double failed = Math.max(0, sample("datagraph_runs_finished_total{status=\"FAILED\"}"));
        double failures = Math.max(0, sample("datagraph_processor_failures_total{processor=\"boom\"}"));
        assertEquals(RunStatus.FAILED, ran(Flow.of("boom"), Map.of("n", List.of(2))));
        assertEquals(failed + 1, sample("datagraph_runs_finished_total{status=\"FAILED\"}"));
        assertEquals(failures + 1, sample("datagraph_processor_failures_total{processor=\"boom\"}"));
    }

    @Test
    void elementWiseCallsAreCountedPerValue() throws InterruptedException {
        double calls = Math.max(0, sample("datagraph_processor_invocations_total{processor=\"twice\"}"));
        assertEquals(RunStatus.COMPLETED, ran(Flow.of("twice"), Map.of("singles", List.of("a", "b", "c"))));
        assertEquals(calls + 3, sample("datagraph_processor_invocations_total{processor=\"twice\"}"));
        assertEquals(6, sample("datagraph_processor_values_emitted_total{processor=\"twice\",stream=\"doubles\"}"));
        assertEquals(0, sample("datagraph_processor_running{processor=\"twice\"}"));
    }

    @Test
    void storeWideGaugesCarryTheStoreScope() throws InterruptedException {
        // the other specs' runs have ended; the index of running runs hears it once their end is released
        Await.until(() -> sample("datagraph_runs_running{scope=\"store\"}") == 0, Duration.ofSeconds(10),
                "runs still listed as running: " + metrics.scrape());
        assertTrue(metrics.scrape().contains("# TYPE datagraph_store_command_seconds histogram"));
    }
}
