package io.datagraph.engine.run;

import io.datagraph.InputClosedException;
import io.datagraph.LimitExceededException;
import io.datagraph.RunFailure;
import io.datagraph.RunStatus;
import io.datagraph.UnknownRunException;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.io.JsonMapper;
import io.datagraph.engine.io.PayloadSigner;
import io.datagraph.engine.io.ValueCodec;
import io.datagraph.engine.store.RunKeys;
import io.datagraph.engine.store.Script;
import io.datagraph.engine.store.StatusReply;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.redisson.api.RMap;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.client.RedisException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and changes the state of runs in the store. Every change is one {@link Script}, so
 * concurrent nodes see each transition exactly once. Thread-safe.
 */
@ApplicationScoped
public class RunRepository {

    /** How many recent run ids the store keeps for listings. */
    static final int RECENT = 100;

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    JsonMapper json;

    @Inject
    PayloadSigner signer;

    /**
     * Pays one-time costs at deployment instead of in the first run: JSON-B's mapping of the plan
     * and the random source of run ids (together ~200 ms on a cold JVM).
     */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        UUID.randomUUID();
        RunPlan plan = new RunPlan(List.of("p"), List.of(new RunPlan.Step("p", List.of("i"), List.of("o"), 0, false)),
                List.of("i", "o"), List.of("o"), List.of(), 1);
        json.jsonb().fromJson(json.jsonb().toJson(plan), RunPlan.class);
    }

    public RunKeys keys(String runId) {
        return new RunKeys(config.keyPrefix(), runId);
    }

    private String channel() {
        return RunKeys.signalChannel(config.keyPrefix());
    }

    /**
     * Writes a new run: status RUNNING, its plan, who started it, and its input values; inputs not
     * left open are completed.
     */
    public void create(String runId, RunPlan plan, Map<String, List<?>> inputs, Duration ttl,
                       Optional<String> startedBy) {
        Set<String> streams = new LinkedHashSet<>(inputs.keySet());
        streams.addAll(plan.open());
        List<Object> args = new ArrayList<>();
        args.add(json.jsonb().toJson(plan));
        args.add(Math.max(1, ttl.toSeconds()));
        args.add(startedBy.orElse(""));
        args.add(plan.partitions());
        for (int partition = 0; partition < plan.partitions(); partition++) {
            args.add(plan.size(partition));
        }
        Map<String, String> readers = plan.readers();
        args.add(readers.size());
        readers.forEach((stream, names) -> {
            args.add(stream);
            args.add(names);
        });
        List<String> trimmable = config.trimConsumed() ? plan.internalStreams() : List.of();
        args.add(trimmable.size());
        args.addAll(trimmable);
        for (String input : streams) {
            List<String> chunks = chunks(runId, input, inputs.getOrDefault(input, List.of()));
            args.add(input);
            args.add(plan.open().contains(input) ? 0 : 1);
            args.add(chunks.size() / 3);
            args.addAll(chunks);
        }
        store.call(Script.CREATE, RScript.ReturnType.VALUE, keys(runId).metaAndStreams(streams), args.toArray());
    }

    /**
     * Appends values to an open input.
     *
     * @throws InputClosedException if the input was completed
     */
    public void append(String runId, String input, List<?> values) {
        RunKeys keys = keys(runId);
        List<String> chunks = chunks(runId, input, values);
        for (int i = 0; i < chunks.size(); i += 3) {
            List<Object> reply = store.call(Script.APPEND, RScript.ReturnType.MULTI,
                    List.of(keys.meta(), keys.stream(input)), input, 0, chunks.get(i), chunks.get(i + 1), channel(), runId,
                    "", chunks.get(i + 2));
            refused(runId, input, reply);
        }
    }

    /** Completes an open input; idempotent. */
    public void complete(String runId, String input) {
        RunKeys keys = keys(runId);
        refused(runId, input, store.call(Script.CLOSE, RScript.ReturnType.MULTI,
                List.of(keys.meta(), keys.stream(input)), input, channel(), runId, ""));
    }

    private static void refused(String runId, String input, List<Object> reply) {
        String status = StatusReply.status(reply);
        if ("CLOSED".equals(status)) {
            throw new InputClosedException(runId, input, "it was completed");
        }
        if ("COMPLETED".equals(status)) {
            throw new InputClosedException(runId, input, "the run has completed");
        }
        if (!"OK".equals(status)) {
            throw StatusReply.ended(runId, reply);
        }
    }

    /** Values as (count, payload, signature) triples of at most {@code datagraph.emit.batch} JSON values each. */
    private List<String> chunks(String runId, String input, List<?> values) {
        if (values.size() > config.maxValuesPerInput()) {
            throw new LimitExceededException(LimitExceededException.Limit.VALUES_PER_INPUT,
                    values.size() + " values for input '" + input + "'", config.maxValuesPerInput());
        }
        ValueCodec<Object> codec = ValueCodec.forType(Object.class, json.jsonb());
        int batch = config.emitBatch();
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += batch) {
            List<?> chunk = values.subList(from, Math.min(values.size(), from + batch));
            StringBuilder payload = new StringBuilder();
            for (Object value : chunk) {
                if (value == null) {
                    throw new IllegalArgumentException("input '" + input + "' holds a null value;"
                            + " streams hold JSON values, not absence");
                }
                String encoded = codec.encode(value);
                if (encoded.length() > config.maxValueBytes()) {
                    throw new LimitExceededException(LimitExceededException.Limit.VALUE_BYTES, "a value of input '"
                            + input + "' of " + encoded.length() + " characters", config.maxValueBytes());
                }
                payload.append(payload.length() == 0 ? "" : "\n").append(encoded);
            }
            chunks.add(String.valueOf(chunk.size()));
            chunks.add(payload.toString());
            chunks.add(signer.sign(runId, input, payload.toString()));
        }
        return chunks;
    }

    /**
     * Starts an attempt of a processor on this node.
     *
     * @param via {@code local}, or {@code store} when it came through dispatch (another node can retry it)
     * @return the attempt, or empty when the run is no longer running
     */
    public Optional<Attempt> attempt(String runId, RunPlan.Step step, String via) {
        List<Object> args = new ArrayList<>(List.of(step.processor(), config.nodeId(), via));
        args.addAll(step.outputs());
        List<Object> reply = store.call(Script.ATTEMPT, RScript.ReturnType.MULTI, List.of(keys(runId).meta()),
                args.toArray());
        int number = ((Number) reply.get(0)).intValue();
        if (number < 0) {
            return Optional.empty();
        }
        Map<String, Attempt.Resume> outputs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < step.outputs().size(); i++) {
            outputs.put(step.outputs().get(i), new Attempt.Resume(((Number) reply.get(1 + 2 * i)).longValue(),
                    ((Number) reply.get(2 + 2 * i)).longValue()));
        }
        return Optional.of(new Attempt(number, step.processor() + "#" + number, outputs));
    }

    /**
     * Records that a processor's attempt returned: completes its outputs and advances the run. A
     * superseded attempt changes nothing.
     *
     * @return the partition to start now, or -1
     */
    public int finish(String runId, RunPlan plan, RunPlan.Step step, Attempt attempt) {
        RunKeys keys = keys(runId);
        List<Object> args = new ArrayList<>();
        args.add(channel());
        args.add(runId);
        args.add(step.partition());
        args.add(attempt.writer());
        args.add(step.outputs().size());
        args.addAll(step.outputs());
        args.addAll(plan.streams());
        List<Object> reply = store.call(Script.FINISH, RScript.ReturnType.MULTI, keys.metaAndStreams(plan.streams()),
                args.toArray());
        return ((Number) reply.get(1)).intValue();
    }

    /** Fails the run on behalf of a processor. @return whether this call failed it (it was running) */
    public boolean fail(String runId, RunPlan plan, String processor, String message) {
        Long failed = store.call(Script.FAIL, RScript.ReturnType.INTEGER, keys(runId).metaAndStreams(plan.streams()),
                channel(), runId, processor, message);
        return failed == 1L;
    }

    /**
     * Cancels a running run and deletes its streams.
     *
     * @return the status the run had
     * @throws UnknownRunException if there is no such run
     */
    public RunStatus cancel(String runId) {
        RunPlan plan = plan(runId);
        String before = store.call(Script.CANCEL, RScript.ReturnType.VALUE, keys(runId).metaAndStreams(plan.streams()),
                channel(), runId);
        if ("UNKNOWN".equals(before)) {
            throw new UnknownRunException(runId);
        }
        return RunStatus.valueOf(before);
    }

    /** @throws UnknownRunException if there is no such run */
    public RunState state(String runId) {
        Map<String, String> fields = read(runId, Set.of("status", "failedProcessor", "error"));
        String status = fields.get("status");
        if (status == null) {
            throw new UnknownRunException(runId);
        }
        Optional<RunFailure> failure = fields.containsKey("failedProcessor")
                ? Optional.of(new RunFailure(fields.get("failedProcessor"), fields.get("error"))) : Optional.empty();
        return new RunState(runId, RunStatus.valueOf(status), failure);
    }

    /** @throws UnknownRunException if there is no such run */
    public Optional<String> startedBy(String runId) {
        Map<String, String> fields = read(runId, Set.of("status", "startedBy"));
        if (!fields.containsKey("status")) {
            throw new UnknownRunException(runId);
        }
        return Optional.ofNullable(fields.get("startedBy"));
    }

    /** @throws UnknownRunException if there is no such run */
    public RunPlan plan(String runId) {
        String plan = read(runId, Set.of("plan")).get("plan");
        if (plan == null) {
            throw new UnknownRunException(runId);
        }
        return json.jsonb().fromJson(plan, RunPlan.class);
    }

    /** Adds a run to the installation's list of recent runs (the newest {@value #RECENT} are kept). */
    public void remember(String runId) {
        try {
            RScoredSortedSet<String> recent = store.redisson().getScoredSortedSet(recentKey());
            recent.add(System.currentTimeMillis(), runId);
            recent.removeRangeByRank(0, -RECENT - 1);
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
    }

    /** Ids of the most recently started runs, newest first (some may have expired since). */
    public List<String> recent(int limit) {
        try {
            return List.copyOf(store.redisson().<String>getScoredSortedSet(recentKey())
                    .valueRangeReversed(0, Math.min(limit, RECENT) - 1));
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
    }

    private String recentKey() {
        return config.keyPrefix() + ":runs";
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
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
    }

    private Map<String, String> read(String runId, Set<String> fields) {
        try {
            RMap<String, String> meta = store.redisson().getMap(keys(runId).meta());
            return meta.getAll(fields);
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
    }
}
