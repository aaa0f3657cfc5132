package io.datagraph.engine.run;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.io.ProducerHelp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The invocations on this node, whatever executor holds them: those handed to a local executor and
 * not started yet, and those running. A reader blocked on a producer still queued here runs it
 * itself ({@link ProducerHelp}), which is what keeps a flow from deadlocking on a bounded pool: tasks
 * run at most once, so the executor's own later call returns at once. Since flows are acyclic, every
 * wait ends: the awaited producer either runs on another thread or is run by the waiter. A reader
 * helps only once the producer waited {@code datagraph.executor.help-after}, so on an idle pool
 * producers and consumers still run side by side. When a run ends badly, its queued invocations are
 * dropped and its running ones interrupted.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class Invocations implements ProducerHelp {

    @Inject
    EngineConfig config;

    private final ConcurrentMap<Key, Queued> queued = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<Invocation>> running = new ConcurrentHashMap<>();

    /** The invocation was handed to an executor that runs it in this JVM. */
    void queued(Invocation invocation) {
        queued.put(new Key(invocation.runId(), invocation.processor()), new Queued(invocation, System.nanoTime()));
    }

    /** The invocation starts on the calling thread. */
    void started(Invocation invocation) {
        queued.computeIfPresent(new Key(invocation.runId(), invocation.processor()),
                (key, entry) -> entry.invocation == invocation ? null : entry);
        running.computeIfAbsent(invocation.runId(), id -> ConcurrentHashMap.newKeySet()).add(invocation);
    }

    /** The invocation ended. */
    void ended(Invocation invocation) {
        running.computeIfPresent(invocation.runId(), (id, set) -> {
            set.remove(invocation);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public Outcome runIfQueued(String runId, String processor) {
        Queued entry = queued.get(new Key(runId, processor));
        if (entry == null) {
            return Outcome.NONE;
        }
        if (System.nanoTime() - entry.since < config.executor().helpAfter().toNanos()) {
            return Outcome.QUEUED;
        }
        return entry.invocation.runIfUnclaimed() ? Outcome.RAN : Outcome.NONE;
    }

    /**
     * The run ended badly, here or elsewhere: drop its queued invocations of {@code epoch} or earlier and
     * interrupt the running ones, so that blocking calls in user code return promptly. Invocations of a
     * later epoch (the run was restarted meanwhile) are left alone.
     */
    public void abandon(String runId, long epoch) {
        queued.forEach((key, entry) -> {
            if (key.runId().equals(runId) && entry.invocation.epoch() <= epoch && queued.remove(key, entry)) {
                entry.invocation.discard();
            }
        });
        Set<Invocation> tasks = running.get(runId);
        if (tasks != null) {
            tasks.stream().filter(task -> task.epoch() <= epoch).forEach(Invocation::interrupt);
        }
    }

    /** Processors of this node currently running, for health reports. */
    public int runningCount() {
        return running.values().stream().mapToInt(Set::size).sum();
    }

    /** Ids of the runs with a processor running or queued on this node. */
    public Set<String> activeRuns() {
        Set<String> runs = new HashSet<>(running.keySet());
        queued.keySet().forEach(key -> runs.add(key.runId()));
        return runs;
    }

    private record Key(String runId, String processor) {
    }

    private record Queued(Invocation invocation, long since) {
    }
}
