package io.datagraph.engine.run;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.store.StoreClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.redisson.api.redisnode.RedisNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices when the store stopped being the store the runs were written to, and fails the runs that
 * were running rather than let them complete with values missing:
 * <ul>
 *   <li><b>A failover</b> (Sentinel or Cluster promoted a replica): a master's replication id is
 *       replaced by one whose predecessor ({@code master_replid2}) it was. Replication is
 *       asynchronous, so writes the old master acknowledged may never have reached the new one; a lost
 *       final batch, status change or attempt bump leaves no gap a reader could see. Runs that were
 *       running fail, naming the store; they can be restarted.</li>
 *   <li><b>A store that came back empty</b> (restarted without persistence, flushed, replaced): its
 *       identity marker ({@link StoreKeys#marker()}) changed or vanished. The runs are gone with
 *       their keys; those that were running at the previous check are recorded as FAILED, naming the
 *       store.</li>
 * </ul>
 * A restart of the same store with its data (a new replication id that does not name the old one as
 * predecessor, the marker intact) is not a loss: what a crash of a single server loses is up to its
 * own persistence ({@code appendfsync}). Every node checks once per heartbeat; failing a run is
 * idempotent. Thread-safe (one checking thread).
 */
@ApplicationScoped
public class StoreContinuity {

    private static final Logger LOG = Logger.getLogger(StoreContinuity.class.getName());
    /** Stands for the processor in a failure that is the store's. */
    static final String STORE = "(store)";

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    RunAdmission admission;

    @Inject
    RunRepository runs;

    @Inject
    Invocations invocations;

    @Inject
    ManagedThreads threads;

    private String marker;
    private Set<String> replicationIds;
    /** The runs that were running at the last check: what a store that came back empty took with it. */
    private List<String> running = List.of();
    private ScheduledFuture<?> timer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long period = config.node().heartbeat().toMillis();
        timer = threads.every("the store continuity check", 0, period, TimeUnit.MILLISECONDS, this::check);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.cancel(true);
        }
    }

    private void check() {
        try {
            String seen = store.call(Scripts.marker(keys(), UUID.randomUUID().toString()));
            List<Map<String, String>> masters = mastersReplication();
            if (marker != null && !marker.equals(seen)) {
                lostEverything("the store at " + store.address() + " came back without its data (restarted empty,"
                        + " flushed or replaced); the run's values are gone");
            } else if (replicationIds != null && failedOver(masters)) {
                failRunning("the store at " + store.address() + " failed over to a replica; writes the old master"
                        + " acknowledged may not have reached it, so the run was failed rather than let complete with"
                        + " values missing (restart it)");
            }
            marker = seen;
            running = admission.admitted();
            Set<String> ids = new HashSet<>();
            masters.forEach(info -> ids.add(info.get("master_replid")));
            replicationIds = ids;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "store continuity check: store unavailable", e);
        }
    }

    /** Whether a master seen before was replaced by a replica that took over from it. */
    private boolean failedOver(List<Map<String, String>> masters) {
        Set<String> now = new HashSet<>();
        Set<String> predecessors = new HashSet<>();
        masters.forEach(info -> {
            now.add(info.get("master_replid"));
            predecessors.add(info.get("master_replid2"));
        });
        return replicationIds.stream().anyMatch(id -> !now.contains(id) && predecessors.contains(id));
    }

    private List<Map<String, String>> mastersReplication() {
        return store.masters().stream().map(node -> node.info(RedisNode.InfoSection.REPLICATION)).toList();
    }


    private void failRunning(String reason) {
        LOG.severe(() -> reason + ": failing the runs that were running");
        for (String runId : admission.admitted()) {
            try {
                if (runs.fail(runId, runs.plan(runId), STORE, reason)) {
                    LOG.warning(() -> "run " + runId + " failed: " + reason);
                }
            } catch (RuntimeException goneOrUnreadable) {
                LOG.log(Level.FINE, "could not fail run " + runId, goneOrUnreadable);
            }
        }
    }

    private void lostEverything(String reason) {
        LOG.severe(() -> reason);
        runs.storeEmptied();
        Set<String> lost = new HashSet<>(running);
        lost.addAll(invocations.activeRuns());
        for (String runId : lost) {
            try {
                if (runs.recordLost(runId, reason)) {
                    LOG.warning(() -> "run " + runId + " failed: " + reason);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not record the loss of run " + runId, e);
            }
        }
        failRunning(reason);
    }

    private StoreKeys keys() {
        return new StoreKeys(config.store().keyPrefix());
    }
}
