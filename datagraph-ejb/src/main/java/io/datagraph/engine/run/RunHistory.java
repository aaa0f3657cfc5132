package io.datagraph.engine.run;

import io.datagraph.RunPage;
import io.datagraph.RunQuery;
import io.datagraph.RunStatus;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.protocol.HistorySummary;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.RBatch;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history of runs: every run the store still holds, listed newest first, by status, processor and
 * who started it ({@link io.datagraph.Datagraph#history}).
 *
 * <p>Admission indexes each run in sorted sets under the installation's {@code {runs}} hash tag
 * ({@link StoreKeys#history()}), and its release moves it to its final status. A page walks the most
 * selective index that applies in one script, which examines a bounded number of entries, then checks
 * every run it listed against the run itself in one pipelined read: on a Cluster the run's keys live in
 * another slot than the indexes, so the indexes are best effort — a run that ended unheard is shown with
 * its real status (and left out when that no longer matches), an expired run is left out and forgotten.
 * A page thus costs a bounded number of round trips however many runs the store holds. A walker forgets
 * expired runs a slice at a time ({@link #forgetExpired()}), so the indexes hold what the store holds.
 *
 * <p>Cursors are opaque to callers: the score (start time in ms, to the µs) and id of the last entry a
 * page examined, in base64url.
 *
 * <p>Thread-safe (the walker's position is its only state, and only the watchdog's thread moves it).
 */
@ApplicationScoped
public class RunHistory {

    /** Entries one page examines per walk of an index, beyond the page itself. */
    private static final int BUDGET = 500;
    /** Walks per page before answering a shorter page with a cursor to go on. */
    private static final int WALKS = 4;
    /** Entries the walker checks per call. */
    private static final int SLICE = 200;

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    RunRepository runs;

    private volatile Scripts.HistoryCursor walker;

    /**
     * One page of the runs matching the query.
     *
     * @throws IllegalArgumentException if the query's cursor is not one a page answered
     */
    public RunPage page(RunQuery query) {
        StoreKeys keys = keys();
        String status = query.status().map(RunStatus::name).orElse("");
        String user = query.startedBy().orElse("");
        String processor = query.processor().orElse("");
        String index = mostSelective(keys, status, user, processor);
        Long since = query.since().map(java.time.Instant::toEpochMilli).orElse(null);
        Scripts.HistoryCursor cursor = query.cursor().map(RunHistory::decode).orElse(null);
        List<RunPage.Listed> listed = new ArrayList<>();
        for (int walk = 0; walk < WALKS; walk++) {
            Scripts.HistoryPage found = store.call(Scripts.historyPage(keys, index, cursor, since,
                    query.limit() - listed.size(), BUDGET, status, user, processor));
            listed.addAll(checked(found, status));
            cursor = found.last();
            if (found.exhausted()) {
                return new RunPage(listed, Optional.empty());
            }
            if (listed.size() == query.limit()) {
                break;
            }
        }
        return new RunPage(listed, Optional.ofNullable(cursor).map(RunHistory::encode));
    }

    /**
     * Forgets, from every index, a slice of the runs the store no longer holds, continuing where the
     * last call stopped and starting over at the end. Called periodically by every node.
     */
    public void forgetExpired() {
        StoreKeys keys = keys();
        Scripts.HistoryCursor from = walker;
        List<ScoredEntry<String>> slice = new ArrayList<>(store.redisson().<String>getScoredSortedSet(keys.history(),
                StringCodec.INSTANCE).entryRange(from == null ? Double.NEGATIVE_INFINITY : Double.parseDouble(from.score()),
                from == null, Double.POSITIVE_INFINITY, true, 0, SLICE));
        if (slice.isEmpty()) {
            walker = null;
            return;
        }
        ScoredEntry<String> last = slice.get(slice.size() - 1);
        walker = slice.size() < SLICE ? null : new Scripts.HistoryCursor(last.getValue(), String.valueOf(last.getScore()));
        // a run admitted moments ago may still be being written: leave it for a later round
        long writing = runs.writingSince(System.currentTimeMillis());
        List<String> candidates = slice.stream().filter(entry -> entry.getScore() < writing).map(ScoredEntry::getValue).toList();
        Map<String, String> statuses = runs.statuses(candidates);
        forget(keys, candidates.stream().filter(id -> statuses.get(id) == null).toList());
    }

    /**
     * The listed runs the runs themselves confirm: those still held, whose status matches the query's.
     * Those no longer held are forgotten, unless admitted so recently that they may still be being written.
     */
    private List<RunPage.Listed> checked(Scripts.HistoryPage found, String status) {
        Map<String, String> statuses = runs.statuses(found.entries().stream().map(Scripts.HistoryEntry::runId).toList());
        long writing = runs.writingSince(System.currentTimeMillis());
        List<RunPage.Listed> confirmed = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Scripts.HistoryEntry entry : found.entries()) {
            String now = statuses.get(entry.runId());
            if (now == null) {
                if (entry.started() < writing) {
                    gone.add(entry.runId());
                }
            } else if (status.isEmpty() || status.equals(now)) {
                confirmed.add(new RunPage.Listed(entry.runId(), RunStatus.valueOf(now), entry.processors(),
                        Optional.of(entry.startedBy()).filter(user -> !user.isEmpty()),
                        java.time.Instant.ofEpochMilli(entry.started())));
            }
        }
        forget(keys(), gone);
        return confirmed;
    }


    /** Drops runs from every index that may list them, as their summaries name those indexes. */
    private void forget(StoreKeys keys, Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(runIds);
        Set<String> indexes = new LinkedHashSet<>(keys.historyIndexes("", List.of()));
        store.redisson().<String, String>getMap(keys.historySummaries(), StringCodec.INSTANCE).getAll(Set.copyOf(ids))
                .values().forEach(summary -> indexes.addAll(HistorySummary.parse(summary).indexes(keys)));
        store.call(Scripts.historyForget(keys, ids, List.copyOf(indexes)));
    }

    /** The index with the fewest entries among those the filters name (the whole history without filters). */
    private String mostSelective(StoreKeys keys, String status, String user, String processor) {
        List<String> candidates = new ArrayList<>();
        if (!status.isEmpty()) {
            candidates.add(keys.historyByStatus(status));
        }
        if (!user.isEmpty()) {
            candidates.add(keys.historyBy(user));
        }
        if (!processor.isEmpty()) {
            candidates.add(keys.historyByProcessor(processor));
        }
        if (candidates.isEmpty()) {
            return keys.history();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        try {
            RBatch batch = store.redisson().createBatch();
            candidates.forEach(key -> batch.getScoredSortedSet(key, StringCodec.INSTANCE).sizeAsync());
            List<?> sizes = batch.execute().getResponses();
            int smallest = 0;
            for (int i = 1; i < sizes.size(); i++) {
                if (((Number) sizes.get(i)).longValue() < ((Number) sizes.get(smallest)).longValue()) {
                    smallest = i;
                }
            }
            return candidates.get(smallest);
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    static String encode(Scripts.HistoryCursor cursor) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((cursor.score() + ":" + cursor.runId()).getBytes(StandardCharsets.UTF_8));
    }

    static Scripts.HistoryCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            String score = text.substring(0, colon);
            Double.parseDouble(score); // a score, or not a cursor
            return new Scripts.HistoryCursor(text.substring(colon + 1), score);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one a page of the history answered", e);
        }
    }

    private StoreKeys keys() {
        return new StoreKeys(config.store().keyPrefix());
    }
}
