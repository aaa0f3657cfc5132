package io.datagraph.engine.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private static List<Object> historyKeys(StoreKeys keys) {
        List<Object> all = new ArrayList<>(List.of(keys.running(), keys.history(), keys.historySummaries()));
        StoreKeys.HISTORY_STATUSES.forEach(status -> all.add(keys.historyByStatus(status)));
        return all;
    }

    /**
     * Counts a new run among the running ones, unless {@code limit} are running already, and indexes it in
     * the run history (a restarted run keeps its place).
     */
    public static ScriptCall<Admission> admit(StoreKeys keys, String runId, int limit, String startedBy,
                                              List<String> processors) {
        List<Object> all = historyKeys(keys);
        all.add(keys.historyBy(startedBy));
        processors.forEach(processor -> all.add(keys.historyByProcessor(processor)));
        return new ScriptCall<>(Script.ADMIT, ScriptCall.Returns.MULTI, all,
                List.of(runId, limit, startedBy, String.join(",", processors)), raw -> {
                    List<?> reply = (List<?>) raw;
                    return new Admission(number(reply, 0) == 1, number(reply, 1), number(reply, 2));
                });
    }

    /** A run ended: no longer running; listed under {@code status} (null: unknown, only released). */
    public static ScriptCall<Long> historyEnd(StoreKeys keys, String runId, String status) {
        int index = status == null ? -1 : StoreKeys.HISTORY_STATUSES.indexOf(status);
        return new ScriptCall<>(Script.HISTORY_END, ScriptCall.Returns.INTEGER, historyKeys(keys),
                List.of(runId, index < 1 ? 0 : 4 + index), raw -> ((Number) raw).longValue());
    }

    /** Where a history walk stands: the last entry examined. */
    public record HistoryCursor(String runId, String score) {
    }

    /** A run a history walk listed: its id, start time (ms), and summary (status, who started it, processors). */
    public record HistoryEntry(String runId, long started, String startedBy, List<String> processors) {
    }

    /** Reply of {@link #historyPage}: the runs listed, where the walk stopped, whether the index ended. */
    public record HistoryPage(List<HistoryEntry> entries, HistoryCursor last, boolean exhausted) {
    }

    /**
     * Walks the history index {@code index} from {@code after} (null: the newest) down to {@code minScore}
     * (ms, or null), listing up to {@code limit} runs whose summary matches the filters ("" for any) and
     * examining at most {@code budget} entries.
     */
    public static ScriptCall<HistoryPage> historyPage(StoreKeys keys, String index, HistoryCursor after, Long minScore,
                                                      int limit, int budget, String status, String startedBy,
                                                      String processor) {
        return new ScriptCall<>(Script.HISTORY_PAGE, ScriptCall.Returns.MULTI, List.of(index, keys.historySummaries()),
                List.of(after == null ? "+inf" : after.score(), after == null ? "" : after.runId(),
                        minScore == null ? "-inf" : minScore.toString(), limit, budget, status, startedBy, processor), raw -> {
                    List<Object> reply = list(raw);
                    List<HistoryEntry> entries = new ArrayList<>();
                    for (int i = 3; i + 2 < reply.size(); i += 3) {
                        HistorySummary summary = HistorySummary.parse((String) reply.get(i + 2));
                        entries.add(new HistoryEntry((String) reply.get(i), (long) Double.parseDouble((String) reply.get(i + 1)),
                                summary.startedBy(), summary.processors()));
                    }
                    String lastId = (String) reply.get(1);
                    HistoryCursor last = lastId.isEmpty() ? after : new HistoryCursor(lastId, (String) reply.get(2));
                    return new HistoryPage(entries, last, number(reply, 0) == 1);
                });
    }

    /** Drops runs the store no longer holds from the history: their summaries and every index in {@code indexes}. */
    public static ScriptCall<Long> historyForget(StoreKeys keys, List<String> runIds, List<String> indexes) {
        List<Object> all = new ArrayList<>();
        all.add(keys.historySummaries());
        all.addAll(indexes);
        return new ScriptCall<>(Script.HISTORY_FORGET, ScriptCall.Returns.INTEGER, all, List.copyOf(runIds),
                raw -> ((Number) raw).longValue());
    }

    // ---- a run's life --------------------------------------------------------------------------

    /**
     * What {@link #create} writes.
     *
     * @param planJson       the run's plan
     * @param driver         the node starting it, which schedules its first partition
     * @param partitionSizes processors per partition, in partition order
     * @param readers        per stream, its reading processors, comma-separated
     * @param trimmable      streams whose consumed entries are dropped
     * @param elementWise    the element-wise processors, each with the most values in one of its work units
     * @param inputs         the inputs given values or left open
     * @param request        the fingerprint of its request when started with an idempotency key, else {@code ""}
     */
    public record NewRun(String planJson, long ttlSeconds, String startedBy, Driver driver, List<Integer> partitionSizes,
                         Map<String, String> readers, List<String> trimmable, Map<String, Integer> elementWise,
                         List<NewInput> inputs, String request) {
    }

    /** How {@link #create} answers when the run exists already: this, then the request recorded for it. */
    private static final String EXISTS = "EXISTS ";

    /**
     * An input of a new run: its first entries, whether it is complete at once (else left open), and
     * the element-wise processors reading it (whose work units its entries are split into).
     */
    public record NewInput(String name, boolean complete, List<EntryCodec.Batch> batches, List<String> elementWiseReaders) {
    }

    /** Writes a new run: status RUNNING, plan, partition counters, readers, and its inputs' entries. */
    public static ScriptCall<Optional<String>> create(RunKeys keys, NewRun run) {
        List<Object> args = new ArrayList<>();
        args.add(run.planJson());
        args.add(run.ttlSeconds());
        args.add(run.startedBy());
        args.add(run.driver().node());
        args.add(run.driver().driven());
        args.add(run.partitionSizes().size());
        args.addAll(run.partitionSizes());
        args.add(run.readers().size());
        run.readers().forEach((stream, names) -> {
            args.add(stream);
            args.add(names);
        });
        args.add(run.trimmable().size());
        args.addAll(run.trimmable());
        args.add(run.elementWise().size());
        run.elementWise().forEach((processor, unit) -> {
            args.add(processor);
            args.add(unit);
        });
        args.add(run.inputs().size());
        List<String> elementWise = List.copyOf(run.elementWise().keySet());
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
            args.add(input.elementWiseReaders().size());
            input.elementWiseReaders().forEach(reader -> args.add(elementWise.indexOf(reader) + 1));
        }
        args.add(run.request());
        List<Object> allKeys = keys.metaAndStreams(streams);
        elementWise.forEach(processor -> allKeys.add(keys.work(processor)));
        return new ScriptCall<>(Script.CREATE, ScriptCall.Returns.VALUE, allKeys, args, raw -> {
            String reply = (String) raw;
            return reply.startsWith(EXISTS) ? Optional.of(reply.substring(EXISTS.length())) : Optional.empty();
        });
    }

    /**
     * Starts an attempt of a processor on {@code node}; {@code via} is {@code local} or {@code store}.
     * The same call makes each input's first fetch from the start, of up to {@code firstFetch} entries, as
     * {@link #read} would for the processor. Replies with the attempt, or null when the run is no longer
     * running.
     */
    public static ScriptCall<Attempt> attempt(RunKeys keys, String processor, String node, String via,
                                              List<String> outputs, List<String> inputs, int firstFetch) {
        List<Object> args = new ArrayList<>(List.of(processor, node, via, outputs.size()));
        args.addAll(outputs);
        args.add(firstFetch);
        args.addAll(inputs);
        List<Object> streamKeys = new ArrayList<>(List.of(keys.meta()));
        inputs.forEach(input -> streamKeys.add(keys.stream(input)));
        return new ScriptCall<>(Script.ATTEMPT, ScriptCall.Returns.MULTI, streamKeys, args, raw -> {
            List<?> reply = (List<?>) raw;
            int number = (int) number(reply, 0);
            if (number < 0) {
                return null;
            }
            Map<String, Attempt.Resume> resume = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                resume.put(outputs.get(i), new Attempt.Resume(number(reply, 2 + 2 * i), number(reply, 3 + 2 * i)));
            }
            Map<String, Read> firstFetches = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                firstFetches.put(inputs.get(i), readReply(reply.get(2 + 2 * outputs.size() + i)));
            }
            return new Attempt(number, Attempt.writer(processor, number), number(reply, 1), resume, firstFetches);
        });
    }

    /**
     * Reply of {@link #finish} and {@link #drain}: the run's status after it, the partition to start now
     * (-1: none), and how long the run ran if this call completed it (ms in store time; -1 otherwise).
     */
    public record Finish(String status, int nextPartition, long ranMillis) {
    }

    /**
     * The values a processor emitted last, not sent yet: they ride on its {@link #finish}, one round trip
     * for both, and land only if the finish does.
     *
     * @param sequence           the writer's batch number, as {@link #append} takes it
     * @param elementWiseReaders the element-wise processors reading the stream, whose work units it is split into
     */
    public record LastEntry(String stream, long sequence, EntryCodec.Batch batch, List<String> elementWiseReaders) {
    }

    /**
     * An attempt's processor returned: appends its last entries, completes its outputs, counts it done
     * in {@code partition}, and advances the run; should it advance, {@code driver} (this node)
     * schedules the next partition.
     */
    public static ScriptCall<Finish> finish(RunKeys keys, int partition, String writer, Driver driver,
                                            List<String> outputs, RunShape run, List<LastEntry> last) {
        List<Object> allKeys = run.keys(keys);
        List<Object> args = new ArrayList<>(List.of(keys.signalChannel(), keys.runId(), partition, writer,
                driver.node(), driver.driven(), outputs.size()));
        args.addAll(outputs);
        args.add(run.streams().size());
        args.addAll(run.streams());
        args.add(last.size());
        for (LastEntry entry : last) {
            args.addAll(List.of(entry.stream(), entry.sequence(), entry.batch().count(), entry.batch().payload(),
                    entry.batch().signature(), entry.elementWiseReaders().size()));
            for (String reader : entry.elementWiseReaders()) {
                int index = allKeys.indexOf(keys.work(reader));
                if (index < 0) {
                    throw new IllegalArgumentException("processor '" + reader + "' is not an element-wise processor of run "
                            + keys.runId());
                }
                args.add(reader);
                args.add(index + 1);
            }
        }
        return new ScriptCall<>(Script.FINISH, ScriptCall.Returns.MULTI, allKeys, args, Scripts::finishReply);
    }

    private static Finish finishReply(Object raw) {
        List<?> reply = (List<?>) raw;
        return new Finish((String) reply.get(0), (int) number(reply, 1), reply.size() > 2 ? number(reply, 2) : -1);
    }

    /**
     * Every key of a run, for the scripts that end it (they expire or delete them all): its streams
     * (by name), its element-wise processors' work streams and dead letters, and its appends' keys.
     */
    public record RunShape(List<String> streams, List<String> elementWise) {

        List<Object> keys(RunKeys keys) {
            List<Object> all = keys.metaAndStreams(streams);
            all.addAll(keys.elementKeys(elementWise));
            all.add(keys.appended());
            return all;
        }
    }

    /** Fails a running run on behalf of {@code processor}; replies how long it ran if this call failed it, else -1. */
    public static ScriptCall<Long> fail(RunKeys keys, RunShape run, String processor, String message) {
        return fail(keys, run, processor, message, null);
    }

    /**
     * Fails a running run on behalf of {@code processor}, unless the run's epoch is no longer {@code epoch}
     * (it was restarted since; null: whatever the epoch); replies how long the run ran (ms in store time)
     * if this call failed it, else -1.
     */
    public static ScriptCall<Long> fail(RunKeys keys, RunShape run, String processor, String message, Long epoch) {
        return new ScriptCall<>(Script.FAIL, ScriptCall.Returns.INTEGER, run.keys(keys),
                List.of(keys.signalChannel(), keys.runId(), processor, message, epoch == null ? "" : epoch.toString()),
                raw -> ((Number) raw).longValue());
    }

    /** Reply of {@link #restart}: {@code OK} with the new epoch and the processors to run again, or why not. */
    public record Restart(String status, long epoch, List<String> again, List<String> detail) {
    }

    /**
     * Restarts a FAILED run whose current partition is {@code partition}: {@code steps} are that partition's
     * processors with their inputs; {@code driver} (the restarting node) schedules them again.
     */
    public static ScriptCall<Restart> restart(RunKeys keys, RunShape run, int partition, Driver driver,
                                              Map<String, List<String>> steps) {
        List<Object> args = new ArrayList<>(List.of(keys.signalChannel(), keys.runId(), partition, driver.node(),
                driver.driven(), steps.size()));
        steps.forEach((processor, inputs) -> {
            args.add(processor);
            args.add(inputs.size());
            args.addAll(inputs);
        });
        return new ScriptCall<>(Script.RESTART, ScriptCall.Returns.MULTI, run.keys(keys), args, raw -> {
            List<Object> reply = list(raw);
            String status = (String) reply.get(0);
            List<String> rest = reply.subList(1, reply.size()).stream().map(String::valueOf).toList();
            return "OK".equals(status)
                    ? new Restart(status, Long.parseLong(rest.get(0)), rest.subList(1, rest.size()), List.of())
                    : new Restart(status, -1, List.of(), rest);
        });
    }

    /**
     * Reply of {@link #cancel}: the status before the call ({@code UNKNOWN} for no such run), and how long
     * the run ran if this call cancelled it (ms in store time; -1 otherwise).
     */
    public record Cancel(String before, long ranMillis) {
    }

    /** Cancels a running run and deletes its streams. */
    public static ScriptCall<Cancel> cancel(RunKeys keys, RunShape run) {
        return new ScriptCall<>(Script.CANCEL, ScriptCall.Returns.MULTI, run.keys(keys),
                List.of(keys.signalChannel(), keys.runId()), raw -> {
                    List<Object> reply = list(raw);
                    return new Cancel((String) reply.get(0), number(reply, 1));
                });
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
        return append(keys, stream, sequence, batch, writer, List.of());
    }

    /**
     * Appends one entry to a stream read by element-wise processors, which also gets split into their
     * work units.
     */
    public static ScriptCall<Write> append(RunKeys keys, String stream, long sequence, EntryCodec.Batch batch,
                                           String writer, List<String> elementWiseReaders) {
        List<Object> allKeys = new ArrayList<>(List.of(keys.meta(), keys.stream(stream)));
        elementWiseReaders.forEach(reader -> allKeys.add(keys.work(reader)));
        List<Object> args = new ArrayList<>(List.of(stream, sequence, batch.count(), batch.payload(), batch.signature(),
                writer, keys.signalChannel(), keys.runId()));
        args.addAll(elementWiseReaders);
        return new ScriptCall<>(Script.APPEND, ScriptCall.Returns.MULTI, allKeys, args, Scripts::write);
    }

    /**
     * Appends values given through the API to an open input: all its entries in one script, so they land
     * whole or not at all, and nothing when an append with this {@code key} landed already.
     */
    public static ScriptCall<Write> appendInput(RunKeys keys, String input, String key, List<EntryCodec.Batch> batches,
                                                List<String> elementWiseReaders) {
        List<Object> allKeys = new ArrayList<>(List.of(keys.meta(), keys.stream(input), keys.appended()));
        elementWiseReaders.forEach(reader -> allKeys.add(keys.work(reader)));
        List<Object> args = new ArrayList<>(List.of(input, key, keys.signalChannel(), keys.runId(), batches.size()));
        for (EntryCodec.Batch batch : batches) {
            args.addAll(List.of(batch.count(), batch.payload(), batch.signature()));
        }
        args.addAll(elementWiseReaders);
        return new ScriptCall<>(Script.APPEND_INPUT, ScriptCall.Returns.MULTI, allKeys, args, Scripts::write);
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
     * records how many values it has {@code taken} and the last entry it has {@code consumed} whole
     * ({@code ""}: none), which lets entries every reader consumed be trimmed.
     */
    public static ScriptCall<Read> read(RunKeys keys, String stream, String start, int limit, String reader,
                                        long taken, String consumed) {
        return new ScriptCall<>(Script.READ, ScriptCall.Returns.MULTI, List.of(keys.meta(), keys.stream(stream)),
                List.of(start, limit, reader, taken, stream, consumed), Scripts::readReply);
    }

    /** A fetch's reply, as {@code read_stream} (read_lib.lua) gives it: {status, failed processor, error, entries}. */
    private static Read readReply(Object raw) {
        List<Object> reply = list(raw);
        List<RawEntry> entries = new ArrayList<>();
        for (Object entry : (List<?>) reply.get(3)) {
            List<Object> pair = list(entry);
            entries.add(new RawEntry((String) pair.get(0), list(pair.get(1))));
        }
        return new Read(StatusReply.of(reply), entries);
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

    // ---- element-wise processors ------------------------------------------------------------------

    /** Reply of {@link #claim}: the run's status and the units claimed (none unless RUNNING). */
    public record Claim(StatusReply status, List<WorkUnit> units) {
    }

    /** Claims up to {@code count} units: first those idle longer than {@code lease} (their worker went silent), then new ones. */
    public static ScriptCall<Claim> claim(RunKeys keys, String processor, String input, String consumer, int count,
                                          long leaseMillis) {
        return claim(keys, processor, input, consumer, count, leaseMillis, 0);
    }

    /**
     * Claims as {@link #claim(RunKeys, String, String, String, int, long)}, for an ordered processor: no
     * unit more than {@code window} places after the first result not yet released (0: unordered).
     */
    public static ScriptCall<Claim> claim(RunKeys keys, String processor, String input, String consumer, int count,
                                          long leaseMillis, int window) {
        return new ScriptCall<>(Script.CLAIM, ScriptCall.Returns.MULTI,
                List.of(keys.meta(), keys.work(processor), keys.stream(input)),
                List.of(consumer, count, leaseMillis, window, processor),
                raw -> {
                    List<Object> reply = list(raw);
                    Map<String, List<Object>> entries = new java.util.HashMap<>();
                    for (Object item : (List<?>) reply.get(4)) {
                        List<Object> entry = list(item);
                        entries.put((String) entry.get(0), list(entry.get(1)));
                    }
                    List<WorkUnit> units = new ArrayList<>();
                    for (Object item : (List<?>) reply.get(3)) {
                        List<Object> u = list(item);
                        units.add(new WorkUnit((String) u.get(0), number(u, 1), (String) u.get(2), (int) number(u, 3),
                                (int) number(u, 4), (int) number(u, 5), number(u, 6), number(u, 7),
                                entries.get((String) u.get(2))));
                    }
                    return new Claim(StatusReply.of(reply), units);
                });
    }

    /** The results of one output in a commit: their count, and the entry holding them. */
    public record Results(String output, EntryCodec.Batch batch) {
    }

    /** A value to try again: which one (input entry and index), which call that will be, and not before when (ms). */
    public record Retry(String entryId, int index, int attempt, long notBefore) {
    }

    /**
     * Commits claimed units: {@code results} appended, {@code retries} scheduled, {@code dead} recorded,
     * the units acknowledged; refused whole ({@link StatusReply} {@code STOLEN}, the unit's id as its
     * failed processor) if another worker has taken over one of them.
     */
    public static ScriptCall<StatusReply> commit(RunKeys keys, String processor, String input, String consumer,
                                                 List<WorkUnit> units, long valuesDone, List<Results> results,
                                                 List<Retry> retries, List<io.datagraph.DeadLetter> dead) {
        return commit(keys, processor, input, consumer, 0, units, valuesDone, results, retries, dead);
    }

    /**
     * Commits as above; with {@code place} above 0 (an ordered processor's single unit), its results wait
     * until every earlier place is committed, then are written in order.
     */
    public static ScriptCall<StatusReply> commit(RunKeys keys, String processor, String input, String consumer,
                                                 long place, List<WorkUnit> units, long valuesDone,
                                                 List<Results> results, List<Retry> retries,
                                                 List<io.datagraph.DeadLetter> dead) {
        List<Object> allKeys = new ArrayList<>(List.of(keys.meta(), keys.work(processor), keys.deadLetters(),
                keys.held(processor), keys.stream(input)));
        List<Object> args = new ArrayList<>(List.of(processor, consumer, input, keys.signalChannel(), keys.runId(),
                place, units.size()));
        for (WorkUnit unit : units) {
            args.add(unit.id());
            args.add(unit.deliveries());
            args.add(unit.entryId());
        }
        args.add(valuesDone);
        for (Results output : results) {
            allKeys.add(keys.stream(output.output()));
            args.add(output.output());
            args.add(output.batch().count());
            args.add(output.batch().payload());
            args.add(output.batch().signature());
        }
        args.add(retries.size());
        for (Retry retry : retries) {
            args.addAll(List.of(retry.entryId(), retry.index(), retry.attempt(), retry.notBefore()));
        }
        args.add(dead.size());
        for (io.datagraph.DeadLetter letter : dead) {
            args.addAll(List.of(letter.value(), letter.error(), letter.attempts(), letter.node(), letter.time().toString()));
        }
        return new ScriptCall<>(Script.COMMIT, ScriptCall.Returns.MULTI, allKeys, args, raw -> StatusReply.of(list(raw)));
    }

    /** Keeps claimed units fresh; replies with the ids of those the worker no longer owns. */
    public static ScriptCall<List<String>> keepAlive(RunKeys keys, String processor, String consumer,
                                                     List<WorkUnit> units) {
        List<Object> args = new ArrayList<>(List.of(consumer));
        for (WorkUnit unit : units) {
            args.add(unit.id());
            args.add(unit.deliveries());
        }
        return new ScriptCall<>(Script.KEEP_ALIVE, ScriptCall.Returns.MULTI, List.of(keys.work(processor)), args,
                raw -> list(raw).stream().map(String.class::cast).toList());
    }

    /**
     * Finishes an element-wise processor once its input is complete and every unit committed; replies
     * {@code WORKING} while units are left, {@code DONE} if another worker finished it, else the finish.
     */
    public static ScriptCall<Finish> drain(RunKeys keys, String processor, int partition, String input,
                                           Driver driver, List<String> outputs, RunShape run) {
        List<Object> args = new ArrayList<>(List.of(keys.signalChannel(), keys.runId(), processor, partition, input,
                driver.node(), driver.driven(), outputs.size()));
        args.addAll(outputs);
        args.addAll(run.streams());
        return new ScriptCall<>(Script.DRAIN, ScriptCall.Returns.MULTI, run.keys(keys), args, Scripts::finishReply);
    }

    // ---- dispatch -------------------------------------------------------------------------------

    /** Creates the dispatch stream of a processor and its consumer group unless they exist; replies whether it created them. */
    public static ScriptCall<Boolean> ensureGroup(StoreKeys keys, String processor) {
        return new ScriptCall<>(Script.ENSURE_GROUP, ScriptCall.Returns.INTEGER, List.of(keys.dispatch(processor)),
                List.of(StoreKeys.DISPATCH_GROUP), raw -> ((Number) raw).longValue() == 1);
    }

    /**
     * Keeps fresh the dispatch entries {@code consumer} runs and still owns; replies the ids of those it
     * no longer owns (another node took them over).
     */
    public static ScriptCall<List<String>> dispatchKeep(StoreKeys keys, String processor, String consumer,
                                                        List<String> ids) {
        List<Object> args = new ArrayList<>(List.of(StoreKeys.DISPATCH_GROUP, consumer));
        args.addAll(ids);
        return new ScriptCall<>(Script.DISPATCH_KEEP, ScriptCall.Returns.MULTI, List.of(keys.dispatch(processor)), args,
                raw -> list(raw).stream().map(String.class::cast).toList());
    }

    /** Acknowledges and deletes a dispatch entry {@code consumer} owns; replies false if it does not own it. */
    public static ScriptCall<Boolean> dispatchDone(StoreKeys keys, String processor, String consumer, String id) {
        return new ScriptCall<>(Script.DISPATCH_DONE, ScriptCall.Returns.INTEGER, List.of(keys.dispatch(processor)),
                List.of(StoreKeys.DISPATCH_GROUP, consumer, id), raw -> ((Number) raw).longValue() == 1);
    }

    // ---- the store's continuity --------------------------------------------------------------------

    /** Reads the store's identity marker, writing {@code candidate} first if there is none. */
    public static ScriptCall<String> marker(StoreKeys keys, String candidate) {
        return new ScriptCall<>(Script.MARKER, ScriptCall.Returns.VALUE, List.of(keys.marker()), List.of(candidate),
                String.class::cast);
    }

    /** Records a run the store lost as FAILED with {@code message}; replies whether it was lost (and now is recorded). */
    public static ScriptCall<Boolean> tombstone(RunKeys keys, String message, long ttlSeconds, String emptyPlanJson) {
        return new ScriptCall<>(Script.TOMBSTONE, ScriptCall.Returns.INTEGER, List.of(keys.meta()),
                List.of(keys.signalChannel(), keys.runId(), message, ttlSeconds, emptyPlanJson),
                raw -> ((Number) raw).longValue() == 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object raw) {
        return (List<Object>) raw;
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }
}
