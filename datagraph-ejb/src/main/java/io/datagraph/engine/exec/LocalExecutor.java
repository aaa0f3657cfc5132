package io.datagraph.engine.exec;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.io.ProducerHelp;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.spi.ProcessorExecutor;
import io.datagraph.spi.ProcessorTask;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs this node's processors on the pool {@link ExecutorLookup} finds: the server's
 * {@code ManagedExecutorService}, or a private pool outside a server.
 *
 * <p><b>Deadlock freedom.</b> A processor blocked on an input holds its thread. If the input's
 * producer is still queued behind it on a saturated pool, waiting would deadlock; instead the
 * reader runs the queued producer on its own thread ({@link ProducerHelp}). Tasks are claimed
 * exactly once, by the pool or by a helping reader, so each processor still runs once. Since flows
 * are acyclic, every wait ends: the awaited producer either runs on another thread or is run by
 * the waiter. A reader helps only once the producer waited {@code datagraph.executor.help-after}
 * in the queue, so on an idle pool producers and consumers still run side by side.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class LocalExecutor implements ProcessorExecutor, ProducerHelp {

    @Inject
    EngineConfig config;

    @Inject
    ProcessorRegistry registry;

    @Inject
    ExecutorLookup lookup;

    private final ConcurrentMap<TaskKey, Queued> queued = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<Running>> running = new ConcurrentHashMap<>();
    private ExecutorService pool;

    @PostConstruct
    void lookUpPool() {
        pool = lookup.executor();
    }

    @Override
    public boolean canExecute(String processor) {
        return registry.find(processor).isPresent();
    }

    @Override
    public void execute(ProcessorTask task) {
        Queued entry = new Queued(task, System.nanoTime());
        TaskKey key = new TaskKey(task.runId(), task.processor());
        queued.put(key, entry);
        pool.execute(() -> {
            if (entry.claim(key)) {
                // an interrupt left by the thread's previous work is not meant for this processor
                Thread.interrupted();
                try {
                    runTracked(task);
                } finally {
                    // an interrupt meant for this run must not leak into the pool thread's next task
                    Thread.interrupted();
                }
            }
        });
    }

    @Override
    public Outcome runIfQueued(String runId, String processor) {
        TaskKey key = new TaskKey(runId, processor);
        Queued entry = queued.get(key);
        if (entry == null) {
            return Outcome.NONE;
        }
        if (System.nanoTime() - entry.since < config.helpAfter().toNanos()) {
            return Outcome.QUEUED;
        }
        if (!entry.claim(key)) {
            return Outcome.NONE;
        }
        runTracked(entry.task);
        return Outcome.RAN;
    }

    /**
     * The run ended badly elsewhere or here: drop its queued processors and interrupt the running
     * ones, so blocking calls in user code return promptly.
     */
    public void abandon(String runId) {
        queued.forEach((key, entry) -> {
            if (key.runId().equals(runId)) {
                entry.claim(key);
            }
        });
        Set<Running> tasks = running.get(runId);
        if (tasks != null) {
            tasks.forEach(Running::interrupt);
        }
    }

    /** Processors of this node currently running, for health reports. */
    public int runningCount() {
        return running.values().stream().mapToInt(Set::size).sum();
    }

    /** Whether the pool still takes work (false once the server shuts it down). */
    public boolean accepting() {
        try {
            return !pool.isShutdown();
        } catch (IllegalStateException managed) {
            // a ManagedExecutorService refuses lifecycle calls: the container owns its lifecycle
            return true;
        }
    }

    /** Ids of the runs with a processor running or queued on this node. */
    public Set<String> activeRuns() {
        Set<String> runs = new java.util.HashSet<>(running.keySet());
        queued.keySet().forEach(key -> runs.add(key.runId()));
        return runs;
    }

    private void runTracked(ProcessorTask task) {
        Running current = new Running(Thread.currentThread());
        running.computeIfAbsent(task.runId(), id -> ConcurrentHashMap.newKeySet()).add(current);
        try {
            task.run();
        } finally {
            current.finish();
            running.computeIfPresent(task.runId(), (id, set) -> {
                set.remove(current);
                return set.isEmpty() ? null : set;
            });
        }
    }

    private record TaskKey(String runId, String processor) {
    }

    /** A task waiting for a thread; whoever claims it first runs it. */
    private final class Queued {
        private final ProcessorTask task;
        private final long since;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Queued(ProcessorTask task, long since) {
            this.task = task;
            this.since = since;
        }

        boolean claim(TaskKey key) {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            queued.remove(key, this);
            return true;
        }
    }

    /** A processor invocation on a thread; interrupting it after it finished must not hit the thread's next task. */
    private static final class Running {
        private final Thread thread;
        private boolean finished;

        Running(Thread thread) {
            this.thread = thread;
        }

        synchronized void interrupt() {
            if (!finished) {
                thread.interrupt();
            }
        }

        synchronized void finish() {
            finished = true;
        }
    }
}
