package io.datagraph.engine.run;

import io.datagraph.RunStatus;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.protocol.Driver;
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
 * three heartbeats when no live node can take it over (it ran locally there, or no live node serves
 * it), and a processor that the dead node was to run itself but had not started yet (it drove the
 * run's current partition: {@link MetaField#DRIVER}). Dispatched processors a live node serves are
 * left to the dispatcher's recovery. Every node checks every admitted run ({@link RunAdmission}) every
 * three heartbeats, so the cost follows the runs running now, not the store's history; failing a run
 * is idempotent, so the first node wins. It also records the failures that happened while the store
 * was unreachable, once it answers, and has the run history forget a slice of expired runs.
 */
@ApplicationScoped
public class RunWatchdog {

    private static final Logger LOG = Logger.getLogger(RunWatchdog.class.getName());

    @Inject
    RunRepository runs;

    @Inject
    RunAdmission admission;

    @Inject
    NodeDirectory directory;

    @Inject
    EngineConfig config;

    @Inject
    Supervisor supervisor;

    @Inject
    ManagedThreads threads;

    @Inject
    RunHistory history;

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
            for (String runId : admission.admitted()) {
                checkRun(runId, System.currentTimeMillis());
            }
            history.forgetExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "watchdog: store unavailable", e);
        }
    }

    /** @param began when this run's reads began: a verdict on reads the store was slow to answer is void */
    private void checkRun(String runId, long began) {
        Map<String, String> meta;
        try {
            meta = runs.meta(runId);
        } catch (io.datagraph.UnknownRunException creatingOrExpired) {
            return; // admission forgets it in time
        }
        String status = meta.get(MetaField.STATUS);
        if (!RunStatus.RUNNING.name().equals(status)) {
            admission.release(runId, status == null ? null : RunStatus.valueOf(status)); // it ended and this node did not hear it
            return;
        }
        RunPlan plan = runs.plan(runId, meta);
        Long epoch = Long.valueOf(meta.getOrDefault(MetaField.EPOCH, "0"));
        int partition = Integer.parseInt(meta.getOrDefault(MetaField.PARTITION, "0"));
        for (RunPlan.Step step : plan.steps()) {
            String processor = step.processor();
            String reason = lostReason(meta, step, partition);
            if (reason != null && !answeredPromptly(began)) {
                LOG.fine(() -> "watchdog: the store was slow to answer; no verdict on run " + runId + " this round");
                return;
            }
            if (reason != null && runs.fail(runId, plan, processor, reason, epoch)) {
                LOG.warning(() -> "run " + runId + " failed: processor '" + processor + "': " + reason);
            }
        }
    }

    /** Why nobody will run {@code step} any more, or null while it can still go on. */
    private String lostReason(Map<String, String> meta, RunPlan.Step step, int partition) {
        String processor = step.processor();
        String phase = meta.get(MetaField.phase(processor));
        if ("RUNNING".equals(phase)) {
            String node = meta.get(MetaField.node(processor));
            boolean retryable = Supervisor.DISPATCHED.equals(meta.get(MetaField.via(processor)))
                    && directory.served(processor);
            return node == null || !dead(node) || retryable ? null
                    : "node " + node + " running it stopped answering, and no live node can take it over";
        }
        String driver = meta.get(MetaField.DRIVER);
        if (phase == null && step.partition() == partition && driver != null && dead(driver)
                && Driver.drives(meta.get(MetaField.DRIVEN), processor)) {
            return "node " + driver + ", which was to run it, stopped answering before it started";
        }
        return null;
    }

    /**
     * Whether the reads a verdict rests on came back within a heartbeat, and this node still beats on
     * time: had the store stalled meanwhile, every node would look dead, having been unable to beat.
     */
    private boolean answeredPromptly(long began) {
        return System.currentTimeMillis() - began < config.node().heartbeat().toMillis() && directory.settled();
    }

    private boolean dead(String node) {
        return !node.equals(config.node().id()) && !directory.isLive(node);
    }
}
