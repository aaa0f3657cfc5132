package io.datagraph.engine.run;

import io.datagraph.RunStatus;
import io.datagraph.engine.metrics.Counter;
import io.datagraph.engine.metrics.Histogram;
import io.datagraph.engine.metrics.MetricFamily;
import io.datagraph.engine.protocol.Scripts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The runs this node started and ended. A run's end is counted by the node whose script ended it (the
 * script answers how long the run ran, in store time), so a cluster's sum counts each run once. The
 * deployment warm-up's run is not counted. Thread-safe.
 */
@ApplicationScoped
public class RunMetrics {

    /** From 10 ms (a small flow per request) to 1 h (a batch). */
    private static final double[] DURATION_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600};

    private final Counter started = new Counter("datagraph_runs_started_total", "Runs started on this node.");
    private final Counter finished = new Counter("datagraph_runs_finished_total",
            "Runs this node ended, by final status (the node whose store call ended a run counts it).", "status");
    private final Histogram duration = new Histogram("datagraph_run_duration_seconds",
            "How long the runs this node ended ran, from start to end (store time).", DURATION_BUCKETS);

    void started() {
        started.inc();
    }

    /** A run this node's call ended with {@code status} after {@code ranMillis} (negative: not known). */
    void ended(RunStatus status, long ranMillis) {
        finished.inc(status.name());
        if (ranMillis >= 0) {
            duration.observe(ranMillis / 1000.0);
        }
    }

    /** Counts the end a finish or drain reply reports, if the call completed the run. */
    void finished(Scripts.Finish finish) {
        if (finish.ranMillis() >= 0) {
            ended(RunStatus.COMPLETED, finish.ranMillis());
        }
    }

    public List<MetricFamily> families() {
        return List.of(started, finished, duration);
    }
}
