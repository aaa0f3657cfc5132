package io.datagraph.engine.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one typed method per {@link Script}: each assembles the script's keys and arguments in the
 * order its {@code .lua} file names them, and reads its reply. Pure: nothing here talks to the store
 * (the store client runs the {@link ScriptCall}s), so the assembly is tested without Redis.
 */
public final class Scripts {

    private Scripts() {
    }

    // ---- admission -----------------------------------------------------------------------------

    /** Reply of {@link #admit}: whether the run was admitted, how many were running, the store's time (ms). */
    public record Admission(boolean admitted, long running, long storeTime) {
    }

    /** Counts a new run among the running ones, unless {@code limit} are running already. */
    public static ScriptCall<Admission> admit(StoreKeys keys, String runId, int limit) {
        return new ScriptCall<>(Script.ADMIT, ScriptCall.Returns.MULTI, List.of(keys.running()),
                List.of(runId, limit), raw -> {
                    List<?> reply = (List<?>) raw;
                    return new Admission(number(reply, 0) == 1, number(reply, 1), number(reply, 2));
                });
    }

    // ---- a run's life --------------------------------------------------------------------------

    /**
     * What {@link #create} writes.
     *
     * @param planJson       the run's plan
     * @param partitionSizes processors per partition, in partition order
     * @param readers        per stream, its reading processors, comma-separated
     * @param trimmable      streams whose consumed entries are dropped
     * @param inputs         the inputs given values or left open
     */
    public record NewRun(String planJson, long ttlSeconds, String startedBy, List<Integer> partitionSizes,
                         Map<String, String> readers, List<String> trimmable, List<NewInput> inputs) {
    }

    /** An input of a new run: its first entries, and whether it is complete at once (else left open). */
    public record NewInput(String name, boolean complete, List<EntryCodec.Batch> batches) {
    }

    /** Writes a new run: status RUNNING, plan, partition counters, readers, and its inputs' entries. */
    public static ScriptCall<String> create(RunKeys keys, NewRun run) {
        List<Object> args = new ArrayList<>();
        args.add(run.planJson());
        args.add(run.ttlSeconds());
        args.add(run.startedBy());
        args.add(run.partitionSizes().size());
        args.addAll(run.partitionSizes());
        args.add(run.readers().size());
        run.readers().forEach((stream, names) -> {
            args.add(stream);
            args.add(names);
        });
        args.add(run.trimmable().size());
        args.addAll(run.trimmable());
        List<String> streams = new ArrayList<>();
        for (NewInput input : run.inputs()) {
            streams.add(input.name());
            args.add(input.name());
            args.add(input.complete() ? 1 : 0);
            args.add(input.batches().size());
            for (EntryCodec.Batch batch : input.batches()) {
                args.add(batch.count());
                args.add(batch.payload());
                args.add(batch.signature());
            }
        }
        return new ScriptCall<>(Script.CREATE, ScriptCall.Returns.VALUE, keys.metaAndStreams(streams), args,
                String.class::cast);
    }

    /**
     * Starts an attempt of a processor on {@code node}; {@code via} is {@code local} or {@code store}.
     * Replies with the attempt, or null when the run is no longer running.
     */
    public static ScriptCall<Attempt> attempt(RunKeys keys, String processor, String node, String via,
                                              List<String> outputs) {
        List<Object> args = new ArrayList<>(List.of(processor, node, via));
        args.addAll(outputs);
        return new ScriptCall<>(Script.ATTEMPT, ScriptCall.Returns.MULTI, List.of(keys.meta()), args, raw -> {
            List<?> reply = (List<?>) raw;
            int number = (int) number(reply, 0);
            if (number < 0) {
                return null;
            }
            Map<String, Attempt.Resume> resume = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                resume.put(outputs.get(i), new Attempt.Resume(number(reply, 1 + 2 * i), number(reply, 2 + 2 * i)));
            }
            return new Attempt(number, Attempt.writer(processor, number), resume);
        });
    }

    /** Reply of {@link #finish}: the run's status after it, and the partition to start now (-1: none). */
    public record Finish(String status, int nextPartition) {
    }

    /**
     * An attempt's processor returned: completes its outputs, counts it done in {@code partition}, and
     * advances the run. {@code streams} are every stream of the run.
     */
    public static ScriptCall<Finish> finish(RunKeys keys, int partition, String writer, List<String> outputs,
                                            List<String> streams) {
        List<Object> args = new ArrayList<>(List.of(keys.signalChannel(), keys.runId(), partition, writer,
                outputs.size()));
        args.addAll(outputs);
        args.addAll(streams);
        return new ScriptCall<>(Script.FINISH, ScriptCall.Returns.MULTI, keys.metaAndStreams(streams), args, raw -> {
            List<?> reply = (List<?>) raw;
            return new Finish((String) reply.get(0), (int) number(reply, 1));
        });
    }

    /** Fails a running run on behalf of {@code processor}; replies whether this call failed it. */
    public static ScriptCall<Boolean> fail(RunKeys keys, List<String> streams, String processor, String message) {
        return new ScriptCall<>(Script.FAIL, ScriptCall.Returns.INTEGER, keys.metaAndStreams(streams),
                List.of(keys.signalChannel(), keys.runId(), processor, message), raw -> ((Number) raw).longValue() == 1);
    }

    /** Cancels a running run and deletes its streams; replies with the status before, {@code UNKNOWN} for none. */
    public static ScriptCall<String> cancel(RunKeys keys, List<String> streams) {
        return new ScriptCall<>(Script.CANCEL, ScriptCall.Returns.VALUE, keys.metaAndStreams(streams),
                List.of(keys.signalChannel(), keys.runId()), String.class::cast);
    }

    // ---- streams -------------------------------------------------------------------------------

    /**
     * Reply of {@link #append} and {@link #close}: whether the write happened, and, when
     * {@code measured} (an append that wrote), the slowest running reader's backlog and position
     * (-1: no reader running).
     */
    public record Write(StatusReply status, boolean measured, long backlog, long readerPosition) {
    }

    /**
     * Appends one entry to a stream.
     *
     * @param sequence the writer's batch number (1, 2, …), so that a retried command is not appended
     *                 twice; 0 for writes that are not de-duplicated (inputs through the API)
     * @param writer   the attempt's token ({@link Attempt#writer}), or {@link Attempt#NO_WRITER}
     */
    public static ScriptCall<Write> append(RunKeys keys, String stream, long sequence, EntryCodec.Batch batch,
                                           String writer) {
        return new ScriptCall<>(Script.APPEND, ScriptCall.Returns.MULTI, List.of(keys.meta(), keys.stream(stream)),
                List.of(stream, sequence, batch.count(), batch.payload(), batch.signature(), writer,
                        keys.signalChannel(), keys.runId()), Scripts::write);
    }

    /** Writes a stream's end marker, once. */
    public static ScriptCall<Write> close(RunKeys keys, String stream, String writer) {
        return new ScriptCall<>(Script.CLOSE, ScriptCall.Returns.MULTI, List.of(keys.meta(), keys.stream(stream)),
                List.of(stream, writer, keys.signalChannel(), keys.runId()), Scripts::write);
    }

    private static Write write(Object raw) {
        List<Object> reply = list(raw);
        boolean lag = reply.size() > 4;
        return new Write(StatusReply.of(reply), lag, lag ? number(reply, 3) : 0, lag ? number(reply, 4) : -1);
    }

    /** Reply of {@link #read}: the run's status and the entries read, as the store returned them. */
    public record Read(StatusReply status, List<RawEntry> entries) {
    }

    /** An entry as the store returned it: its id and its fields (name, value, name, value …). */
    public record RawEntry(String id, List<Object> fields) {
    }

    /**
     * Reads up to {@code limit} entries from {@code start} ({@code -}, {@code (<id>} after an entry or
     * {@code <id>} from it), with the run's status; a reading processor ({@code reader} non-empty)
     * records how many values it has {@code taken}, which also lets consumed entries be trimmed.
     */
    public static ScriptCall<Read> read(RunKeys keys, String stream, String start, int limit, String reader,
                                        long taken) {
        return new ScriptCall<>(Script.READ, ScriptCall.Returns.MULTI, List.of(keys.meta(), keys.stream(stream)),
                List.of(start, limit, reader, taken, stream), raw -> {
                    List<Object> reply = list(raw);
                    List<RawEntry> entries = new ArrayList<>();
                    for (Object entry : (List<?>) reply.get(3)) {
                        List<Object> pair = list(entry);
                        entries.add(new RawEntry((String) pair.get(0), list(pair.get(1))));
                    }
                    return new Read(StatusReply.of(reply), entries);
                });
    }

    /** Reply of {@link #backlog}: values the slowest running reader has not read, and its position (-1: none). */
    public record Backlog(long lag, long readerPosition) {
    }

    /** How far the running readers of a stream lag behind its writer. */
    public static ScriptCall<Backlog> backlog(RunKeys keys, String stream) {
        return new ScriptCall<>(Script.BACKLOG, ScriptCall.Returns.MULTI, List.of(keys.meta()), List.of(stream),
                raw -> {
                    List<?> reply = (List<?>) raw;
                    return new Backlog(number(reply, 0), number(reply, 1));
                });
    }

    // ---- dispatch -------------------------------------------------------------------------------

    /** Creates the dispatch stream of a processor and its consumer group unless they exist; replies whether it created them. */
    public static ScriptCall<Boolean> ensureGroup(StoreKeys keys, String processor) {
        return new ScriptCall<>(Script.ENSURE_GROUP, ScriptCall.Returns.INTEGER, List.of(keys.dispatch(processor)),
                List.of(StoreKeys.DISPATCH_GROUP), raw -> ((Number) raw).longValue() == 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object raw) {
        return (List<Object>) raw;
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }
}
