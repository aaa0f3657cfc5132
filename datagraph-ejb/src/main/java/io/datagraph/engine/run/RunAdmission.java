package io.datagraph.engine.run;

import io.datagraph.LimitExceededException;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.protocol.ScoredEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bounds how many runs run at once across every node sharing the store
 * ({@code datagraph.limits.concurrent-runs}). The store keeps the ids of admitted runs in one sorted
 * set; admitting is one script, so nodes starting runs at the same moment never exceed the limit
 * together. A run leaves the set when any node hears that it ended; should that be missed (a node
 * died between ending a run and saying so), the set is checked against the runs' status before a
 * start is refused, so a lost release never lowers the limit for long. The same script indexes the run
 * in the history ({@link RunHistory}), and a release lists it under its final status. Thread-safe.
 */
@ApplicationScoped
public class RunAdmission {

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    RunRepository runs;

    /**
     * Counts a new run among the running ones.
     *
     * @throws LimitExceededException if the limit of running runs is reached
     */
    public void admit(String runId, java.util.Optional<String> startedBy, List<String> processors) {
        Scripts.Admission admission = tryAdmit(runId, startedBy, processors);
        if (!admission.admitted()) {
            forgetEndedRuns(admission.storeTime());
            admission = tryAdmit(runId, startedBy, processors);
        }
        if (!admission.admitted()) {
            throw new LimitExceededException(LimitExceededException.Limit.CONCURRENT_RUNS,
                    "a new run while " + admission.running() + " are running", config.limits().concurrentRuns());
        }
    }

    /**
     * Ids of every admitted run: those running, on any node, and those that ended so recently (or so
     * unheard) that they were not released yet. As many as run at once, however long the store's history.
     */
    public List<String> admitted() {
        try {
            return List.copyOf(running().readAll());
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    /**
     * The run ended, with {@code status}, or never started ({@code null}): it no longer counts, and the
     * history lists it under that status. Does not wait for the store.
     */
    public void release(String runId, io.datagraph.RunStatus status) {
        store.callAsync(Scripts.historyEnd(keys(), runId, status == null ? null : status.name()));
    }

    /**
     * A start refused after its admission: the run no longer counts, and the history forgets it at once,
     * so that a refused start leaves nothing behind.
     */
    public void refused(String runId, java.util.Optional<String> startedBy, List<String> processors) {
        StoreKeys keys = keys();
        List<String> indexes = new ArrayList<>(List.of(keys.running()));
        indexes.addAll(keys.historyIndexes(startedBy.orElse(""), processors));
        store.call(Scripts.historyForget(keys, List.of(runId), indexes));
    }

    private Scripts.Admission tryAdmit(String runId, java.util.Optional<String> startedBy, List<String> processors) {
        return store.call(Scripts.admit(keys(), runId, config.limits().concurrentRuns(), startedBy.orElse(""), processors));
    }

    /**
     * Drops the ids of runs that ended without it being heard, or expired. An id without a run is
     * kept for a while: its node may be writing the run right now.
     */
    private void forgetEndedRuns(long storeTime) {
        long creating = runs.writingSince(storeTime);
        try {
            List<ScoredEntry<String>> admitted = new ArrayList<>(running().entryRange(0, -1));
            Map<String, String> statuses = runs.statuses(admitted.stream().map(ScoredEntry::getValue).toList());
            for (ScoredEntry<String> entry : admitted) {
                String status = statuses.get(entry.getValue());
                if (status == null ? entry.getScore() < creating : !"RUNNING".equals(status)) {
                    store.call(Scripts.historyEnd(keys(), entry.getValue(), status));
                }
            }
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    private RScoredSortedSet<String> running() {
        return store.redisson().getScoredSortedSet(keys().running());
    }

    private StoreKeys keys() {
        return new StoreKeys(config.store().keyPrefix());
    }
}
