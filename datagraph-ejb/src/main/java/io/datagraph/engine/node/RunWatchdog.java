package io.datagraph.engine.node;

import io.datagraph.RunStatus;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.run.RunPlan;
import io.datagraph.engine.run.RunRepository;
import io.datagraph.engine.run.Supervisor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fails runs that cannot go on because a node died: a processor still RUNNING on a node that missed
 * three heartbeats, when no live node can take it over (it ran locally there, or no live node serves
 * it). Dispatched processors a live node serves are left to {@link Dispatcher}'s recovery. Every node
 * checks the recent runs every three heartbeats; failing a run is idempotent, so the first one wins.
 * It also records the failures that happened while the store was unreachable, once it answers.
 */
@ApplicationScoped
public class RunWatchdog {

    private static final Logger LOG = Logger.getLogger(RunWatchdog.class.getName());

    @Inject
    RunRepository runs;

    @Inject
    NodeDirectory directory;

    @Inject
    EngineConfig config;

    @Inject
    Supervisor supervisor;

    private ScheduledExecutorService timer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datagraph-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = 3 * config.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void check() {
        supervisor.recordUnrecordedFailures();
        if (!directory.settled()) {
            return;
        }
        try {
            for (String runId : runs.recent(100)) {
                checkRun(runId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "watchdog: store unavailable", e);
        }
    }

    private void checkRun(String runId) {
        Map<String, String> meta;
        try {
            meta = runs.meta(runId);
        } catch (RuntimeException expired) {
            return;
        }
        if (!RunStatus.RUNNING.name().equals(meta.get("status"))) {
            return;
        }
        RunPlan plan = runs.plan(runId);
        for (RunPlan.Step step : plan.steps()) {
            String processor = step.processor();
            String node = meta.get("node:" + processor);
            if (!"RUNNING".equals(meta.get("phase:" + processor)) || node == null
                    || node.equals(config.nodeId()) || directory.isLive(node)) {
                continue;
            }
            boolean retryable = "store".equals(meta.get("via:" + processor)) && directory.served(processor);
            if (!retryable && runs.fail(runId, plan, processor, "node " + node + " running it stopped answering,"
                    + " and no live node can take it over")) {
                LOG.warning(() -> "run " + runId + " failed: node " + node + " running processor '" + processor
                        + "' stopped answering");
            }
        }
    }
}
