package io.datagraph.engine.run;

import io.datagraph.InputClosedException;
import io.datagraph.LimitExceededException;
import io.datagraph.RunFailure;
import io.datagraph.RunStatus;
import io.datagraph.UnknownRunException;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.io.JsonMapper;
import io.datagraph.engine.io.ValueCodec;
import io.datagraph.engine.protocol.Attempt;
import io.datagraph.engine.protocol.Driver;
import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.MetaField;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StatusReply;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.RMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and changes the state of runs in the store. Every change is one script call
 * ({@link Scripts}), so concurrent nodes see each transition exactly once. Thread-safe.
 */
@ApplicationScoped
public class RunRepository {

    /**
     * Entries of each input that starting an attempt fetches: a small input's values and its end marker;
     * the processor's reader fetches the rest of a longer stream itself.
     */
    private static final int FIRST_FETCH_ENTRIES = 2;

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    JsonMapper json;

    @Inject
    EntryCodec entries;

    @Inject
    RunMetrics metrics;

    private final PlanCache plans = new PlanCache();

    public RunKeys keys(String runId) {
        return new RunKeys(config.store().keyPrefix(), runId);
    }

    private StoreKeys storeKeys() {
        return new StoreKeys(config.store().keyPrefix());
    }

    /**
     * Writes a new run: status RUNNING, its plan, who started it, and its input values; inputs not
     * left open are completed.
     */
    /**
     * Writes a new run, with the fingerprint of its request when it was started with an idempotency key.
     *
     * @return empty when this call created the run; when a run with this id exists already (a
     *         concurrent start with the same key won), the fingerprint recorded for it
     */
    public Optional<RequestFingerprint> create(String runId, RunPlan plan, Driver driver, Map<String, List<?>> inputs,
                                               Duration ttl, Optional<String> startedBy,
                                               Optional<RequestFingerprint> fingerprint) {
        Set<String> streams = new LinkedHashSet<>(inputs.keySet());
        streams.addAll(plan.open());
        List<Integer> partitionSizes = new ArrayList<>();
        for (int partition = 0; partition < plan.partitions(); partition++) {
            partitionSizes.add(plan.size(partition));
        }
        List<Scripts.NewInput> newInputs = new ArrayList<>();
        for (String input : streams) {
            newInputs.add(new Scripts.NewInput(input, !plan.open().contains(input),
                    batches(runId, input, inputs.getOrDefault(input, List.of())), plan.elementWiseReadersOf(input)));
        }
        long retention = Math.max(1, ttl.toSeconds());
        // taken before the run exists, so the plan leaves the cache no later than the run can leave the store
        long writing = System.nanoTime();
        Optional<String> existing = store.call(Scripts.create(keys(runId), new Scripts.NewRun(json.jsonb().toJson(plan),
                retention, startedBy.orElse(""), driver, partitionSizes, plan.readers(),
                config.streams().trimConsumed() ? plan.internalStreams() : List.of(), unitSizes(plan), newInputs,
                fingerprint.map(RequestFingerprint::toString).orElse(""))));
        if (existing.isPresent()) {
            return existing.map(RequestFingerprint::parse);
        }
        plans.created(runId, plan, writing + Duration.ofSeconds(retention).toNanos());
        return Optional.empty();
    }

    /** The request fingerprint recorded for a run, if the run exists (no parts: it was started without a key). */
    public Optional<RequestFingerprint> recordedRequest(String runId) {
        Map<String, String> fields = read(runId, Set.of(MetaField.STATUS, MetaField.REQUEST));
        return fields.containsKey(MetaField.STATUS)
                ? Optional.of(RequestFingerprint.parse(fields.getOrDefault(MetaField.REQUEST, ""))) : Optional.empty();
    }

    /** Writes values as JSON text, as the store keeps them. */
    java.util.function.Function<Object, String> jsonWriter() {
        return ValueCodec.forType(Object.class, json.jsonb())::encode;
    }

    /**
     * The status of each of these runs, in one pipelined read across Cluster slots; a run the store no
     * longer holds (or does not hold yet) is absent.
     */
    public Map<String, String> statuses(List<String> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        try {
            org.redisson.api.RBatch batch = store.redisson().createBatch();
            runIds.forEach(runId -> batch.<String, String>getMap(keys(runId).meta(),
                    org.redisson.client.codec.StringCodec.INSTANCE).getAsync(MetaField.STATUS));
            List<?> replies = batch.execute().getResponses();
            Map<String, String> statuses = new java.util.HashMap<>();
            for (int i = 0; i < runIds.size(); i++) {
                if (replies.get(i) != null) {
                    statuses.put(runIds.get(i), (String) replies.get(i));
                }
            }
            return statuses;
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    /**
     * Runs admitted after this instant (ms) may still be being written by their node: a run missing from
     * the store then is not an expired one.
     */
    long writingSince(long now) {
        return now - 3 * Math.max(config.store().timeout().toMillis(), 1000);
    }

    /**
     * Per element-wise processor, the most values in one work unit: {@code datagraph.elementwise.unit-size}
     * when set, else 256 ÷ its workers per node, so that few workers claim many values per round trip and
     * many workers still share a small batch.
     */
    private Map<String, Integer> unitSizes(RunPlan plan) {
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        for (RunPlan.Step step : plan.steps()) {
            if (step.isElementWise()) {
                int configured = config.elementWise().unitSize();
                sizes.put(step.processor(), configured > 0 ? configured
                        : Math.max(1, 256 / step.elementWise().concurrency()));
            }
        }
        return sizes;
    }

    /**
     * Appends values to an open input, whole and once per {@code key} (a key taken already appends nothing).
     *
     * @throws InputClosedException if the input was completed
     */
    public void append(String runId, RunPlan plan, String input, List<?> values, String key) {
        refused(runId, input, store.call(Scripts.appendInput(keys(runId), input, key, batches(runId, input, values),
                plan.elementWiseReadersOf(input))).status());
    }

    /** Completes an open input; idempotent. */
    public void complete(String runId, String input) {
        refused(runId, input, store.call(Scripts.close(keys(runId), input, Attempt.NO_WRITER)).status());
    }

    private static void refused(String runId, String input, StatusReply reply) {
        if (reply.is(StatusReply.CLOSED)) {
            throw new InputClosedException(runId, input, "it was completed");
        }
        if (reply.is("COMPLETED")) {
            throw new InputClosedException(runId, input, "the run has completed");
        }
        if (!reply.ok()) {
            throw reply.ended(runId);
        }
    }

    /** Values given to an input, as entries. Checks every value before any is written. */
    private List<EntryCodec.Batch> batches(String runId, String input, List<?> values) {
        if (values.size() > config.limits().valuesPerInput()) {
            throw new LimitExceededException(LimitExceededException.Limit.VALUES_PER_INPUT,
                    values.size() + " values for input '" + input + "'", config.limits().valuesPerInput());
        }
        ValueCodec<Object> codec = ValueCodec.forType(Object.class, json.jsonb());
        EntryCodec.SizeLimit limit = entries.sizeLimit();
        List<String> encoded = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException("input '" + input + "' holds a null value;"
                        + " streams hold JSON values, not absence");
            }
            String text = codec.encode(value);
            limit.check(text, () -> "a value of input '" + input + "'");
            encoded.add(text);
        }
        return entries.batches(runId, input, encoded);
    }

    /**
     * Starts an attempt of a processor on this node, fetching the first entries of each of its inputs
     * in the same round trip ({@link Attempt#firstFetches()}).
     *
     * @param via {@code local}, or {@code store} when it came through dispatch (another node can retry it)
     * @return the attempt, or empty when the run is no longer running
     */
    public Optional<Attempt> attempt(String runId, RunPlan.Step step, String via) {
        return Optional.ofNullable(store.call(Scripts.attempt(keys(runId), step.processor(), config.node().id(), via,
                step.outputs(), step.inputs(), FIRST_FETCH_ENTRIES)));
    }

    /**
     * Records that a processor's attempt returned: appends its last entries, completes its outputs and
     * advances the run. A superseded attempt changes nothing, and its last entries are not written.
     *
     * @return the partition to start now, or -1
     */
    public int finish(String runId, RunPlan plan, RunPlan.Step step, Attempt attempt, Driver driver,
                      List<Scripts.LastEntry> last) {
        Scripts.Finish finish = store.call(Scripts.finish(keys(runId), step.partition(), attempt.writer(), driver,
                step.outputs(), plan.shape(), last));
        if (!DeploymentWarmUp.isWarmUp(runId)) {
            metrics.finished(finish);
        }
        return finish.nextPartition();
    }

    /** Fails the run on behalf of a processor. @return whether this call failed it (it was running) */
    public boolean fail(String runId, RunPlan plan, String processor, String message) {
        return fail(runId, plan, processor, message, null);
    }

    /**
     * Fails the run on behalf of a processor, unless it was restarted since {@code epoch} (null: whatever
     * its epoch). @return whether this call failed it
     */
    public boolean fail(String runId, RunPlan plan, String processor, String message, Long epoch) {
        long ran = store.call(Scripts.fail(keys(runId), plan.shape(), processor, message, epoch));
        if (ran >= 0) {
            metrics.ended(RunStatus.FAILED, ran);
        }
        return ran >= 0;
    }

    /**
     * Records a run the store lost (it came back without its data) as FAILED with {@code message}, its
     * plan empty: its processors and streams are gone. A run the store still holds is left alone.
     *
     * @return whether the run was lost (and is now recorded)
     */
    public boolean recordLost(String runId, String message) {
        RunPlan nothing = new RunPlan(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        plans.remove(runId);
        boolean lost = store.call(Scripts.tombstone(keys(runId), message, Math.max(1, config.streams().runTtl().toSeconds()),
                json.jsonb().toJson(nothing)));
        if (lost) {
            metrics.ended(RunStatus.FAILED, -1);
        }
        return lost;
    }

    /** The store came back without its data: plans held for runs it had are void. */
    void storeEmptied() {
        plans.clear();
    }

    /** The run's epoch: how many times it was restarted. */
    public long epoch(String runId) {
        String epoch = read(runId, Set.of(MetaField.EPOCH)).get(MetaField.EPOCH);
        return epoch == null ? 0 : Long.parseLong(epoch);
    }

    /** Restarts a FAILED run at its current partition; see {@code restart.lua}. */
    public Scripts.Restart restart(String runId, RunPlan plan, int partition, Driver driver) {
        java.util.Map<String, List<String>> steps = new java.util.LinkedHashMap<>();
        // an element-wise processor resumes from its outstanding units, not from its input's start
        plan.partition(partition).forEach(step -> steps.put(step.processor(),
                step.isElementWise() ? List.of() : step.inputs()));
        return store.call(Scripts.restart(keys(runId), plan.shape(), partition, driver, steps));
    }

    /**
     * Cancels a running run and deletes its streams.
     *
     * @return the status the run had
     * @throws UnknownRunException if there is no such run
     */
    public RunStatus cancel(String runId) {
        RunPlan plan = plan(runId);
        Scripts.Cancel cancel = store.call(Scripts.cancel(keys(runId), plan.shape()));
        if ("UNKNOWN".equals(cancel.before())) {
            throw new UnknownRunException(runId);
        }
        if (cancel.ranMillis() >= 0) {
            metrics.ended(RunStatus.CANCELLED, cancel.ranMillis());
        }
        return RunStatus.valueOf(cancel.before());
    }

    /** @throws UnknownRunException if there is no such run */
    public RunState state(String runId) {
        Map<String, String> fields = read(runId, Set.of(MetaField.STATUS, MetaField.FAILED_PROCESSOR, MetaField.ERROR,
                MetaField.STARTED, MetaField.FINISHED));
        String status = fields.get(MetaField.STATUS);
        if (status == null) {
            throw new UnknownRunException(runId);
        }
        Optional<RunFailure> failure = fields.containsKey(MetaField.FAILED_PROCESSOR)
                ? Optional.of(new RunFailure(fields.get(MetaField.FAILED_PROCESSOR), fields.get(MetaField.ERROR)))
                : Optional.empty();
        return new RunState(runId, RunStatus.valueOf(status), failure, instant(fields.get(MetaField.STARTED)),
                instant(fields.get(MetaField.FINISHED)));
    }

    private static Optional<java.time.Instant> instant(String millis) {
        return millis == null ? Optional.empty() : Optional.of(java.time.Instant.ofEpochMilli(Long.parseLong(millis)));
    }

    /** @throws UnknownRunException if there is no such run */
    public Optional<String> startedBy(String runId) {
        Map<String, String> fields = read(runId, Set.of(MetaField.STATUS, MetaField.STARTED_BY));
        if (!fields.containsKey(MetaField.STATUS)) {
            throw new UnknownRunException(runId);
        }
        return Optional.ofNullable(fields.get(MetaField.STARTED_BY));
    }

    /**
     * The run's plan, from the store unless this node created the run within its retention.
     *
     * @throws UnknownRunException if there is no such run
     */
    public RunPlan plan(String runId) {
        RunPlan held = plans.get(runId);
        return held != null ? held : plan(runId, read(runId, Set.of(MetaField.PLAN)));
    }

    /** The plan held in a run's meta fields, already read. */
    public RunPlan plan(String runId, Map<String, String> meta) {
        String plan = meta.get(MetaField.PLAN);
        if (plan == null) {
            throw new UnknownRunException(runId);
        }
        return json.jsonb().fromJson(plan, RunPlan.class);
    }

    /** Ids of the most recently started runs, newest first (some may have expired since, or been refused). */
    public List<String> recent(int limit) {
        try {
            return List.copyOf(store.redisson().<String>getScoredSortedSet(recentKey())
                    .valueRangeReversed(0, Math.max(1, limit) - 1));
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    private String recentKey() {
        return storeKeys().history();
    }

    /** The run's dead letters, oldest first. */
    public List<io.datagraph.DeadLetter> deadLetters(String runId) {
        try {
            return store.redisson().<String, String>getStream(keys(runId).deadLetters(),
                            org.redisson.client.codec.StringCodec.INSTANCE)
                    .range(org.redisson.api.StreamMessageId.MIN, org.redisson.api.StreamMessageId.MAX)
                    .values().stream().map(io.datagraph.engine.protocol.DeadLetterEntry::read).toList();
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    /** Every field of the run's meta hash (status, counts, completion flags …). */
    public Map<String, String> meta(String runId) {
        try {
            RMap<String, String> meta = store.redisson().getMap(keys(runId).meta());
            Map<String, String> fields = meta.readAllMap();
            if (fields.isEmpty()) {
                throw new UnknownRunException(runId);
            }
            return fields;
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    private Map<String, String> read(String runId, Set<String> fields) {
        try {
            RMap<String, String> meta = store.redisson().getMap(keys(runId).meta());
            return meta.getAll(fields);
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }
}
