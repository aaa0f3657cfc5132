package io.datagraph.engine.run;

import io.datagraph.RunStatus;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.protocol.MetaField;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fails runs that cannot go on because a node died: a processor still RUNNING on a node that missed
 * three heartbeats, when no live node can take it over (it ran locally there, or no live node serves
 * it). Dispatched processors a live node serves are left to the dispatcher's recovery. Every node
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

    @Inject
    ManagedThreads threads;

    private ScheduledFuture<?> timer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long period = 3 * config.node().heartbeat().toMillis();
        timer = threads.every("the run watchdog", period, period, TimeUnit.MILLISECONDS, this::check);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.cancel(true);
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
        if (!RunStatus.RUNNING.name().equals(meta.get(MetaField.STATUS))) {
            return;
        }
        RunPlan plan = runs.plan(runId);
        for (RunPlan.Step step : plan.steps()) {
            String processor = step.processor();
            String node = meta.get(MetaField.node(processor));
            if (!"RUNNING".equals(meta.get(MetaField.phase(processor))) || node == null
                    || node.equals(config.node().id()) || directory.isLive(node)) {
                continue;
            }
            boolean retryable = Supervisor.DISPATCHED.equals(meta.get(MetaField.via(processor)))
                    && directory.served(processor);
            Long epoch = Long.valueOf(meta.getOrDefault(MetaField.EPOCH, "0"));
            if (!retryable && runs.fail(runId, plan, processor, "node " + node + " running it stopped answering,"
                    + " and no live node can take it over", epoch)) {
                LOG.warning(() -> "run " + runId + " failed: node " + node + " running processor '" + processor
                        + "' stopped answering");
            }
        }
    }
}
