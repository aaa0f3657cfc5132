package io.datagraph;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A handle on one run of a flow, backed by the store: any node can obtain one by id
 * ({@link Datagraph#run(String)}) and every method reads the run's current state.
 */
public interface Run {

    String id();

    /** The status as the store has it now. */
    RunStatus status();

    /** The failure, once {@link #status()} is {@link RunStatus#FAILED}. */
    Optional<RunFailure> failure();

    /** Who started the run, when the start said ({@link RunRequest#startedBy}); the REST API records its caller. */
    Optional<String> startedBy();

    /**
     * How long the run has run: from its start to its end, or to now while it runs (store time for both
     * ends, so every node answers alike; empty where the store does not say).
     */
    default Optional<java.time.Duration> duration() {
        return Optional.empty();
    }

    /**
     * Appends values to an input that was left open at start ({@link RunRequest#open}): all of them or,
     * if this throws, none; once, even if the store's reply is lost and the command is sent again.
     *
     * @throws UnknownStreamException if the run has no such stream
     * @throws InputClosedException   if the stream is not an open input, or was completed
     */
    void append(String input, java.util.List<?> values);

    /**
     * Appends values as {@link #append(String, java.util.List)} does, once per key: calling again with the
     * same key appends nothing and succeeds, also after the input was completed, for as long as the run is
     * retained — so a caller that lost the answer can simply repeat the call.
     *
     * @param idempotencyKey as {@link RunRequest#idempotencyKey} takes it; it names this append within the input
     */
    void append(String input, java.util.List<?> values, String idempotencyKey);

    /**
     * Completes an open input: its readers see its end once they have read its values. Idempotent.
     *
     * @throws UnknownStreamException if the run has no such stream
     * @throws InputClosedException   if the stream is not an input left open at start
     */
    void complete(String input);

    /** The run's processors, as the flow named them. */
    java.util.List<String> processors();

    /** Every stream of the run with its count, completion, rate and readers, as the store has them now. */
    java.util.List<IOState> ioStates();

    /** Each processor's phase, as the store has it now. */
    java.util.Map<String, ProcessorPhase> phases();

    /** The resolved flow the run executes (from its stored plan, so any node can tell). */
    io.datagraph.flow.ResolvedFlow flow();

    /** Names of the outputs selected when the run started. */
    Set<String> outputNames();

    /**
     * Any stream of the run (input or output), its values decoded as {@code type}.
     *
     * @throws UnknownStreamException if the run has no stream of that name
     */
    <T> IO<T> io(String name, Type type);

    /** The selected outputs, their values decoded to JSON-B's default Java types. */
    Map<String, IO<Object>> outputs();

    /**
     * Waits until the run reaches a final status or the timeout elapses.
     *
     * @return the status at return (still {@link RunStatus#RUNNING} on timeout)
     */
    RunStatus await(Duration timeout) throws InterruptedException;

    /** Stops the run's processors on every node and frees its streams; no-op once final. */
    void cancel();

    /**
     * Runs a FAILED run again: the failed processor and those its failure stopped run as new attempts
     * that resume their outputs; processors that finished are not run again; values written, and dead
     * letters, are kept. The run is RUNNING again.
     *
     * @throws RestartRefusedException if the run is not FAILED, or a processor to run again would have
     *         to re-read an input its readers already consumed (trimmed)
     * @throws UnknownRunException once the run's data expired
     * @throws LimitExceededException when {@code datagraph.limits.concurrent-runs} runs are running
     */
    void restart();

    /** The values element-wise processors of this run gave up on, oldest first (see {@link OnFailure}). */
    java.util.List<DeadLetter> deadLetters();

    /** How many dead letters the run holds; cheaper than {@link #deadLetters()}. */
    default long deadLetterCount() {
        return deadLetters().size();
    }

    /** How many dead letters each element-wise processor of the run gave up on (those with none left out). */
    default Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        deadLetters().forEach(letter -> counts.merge(letter.processor(), 1L, Long::sum));
        return counts;
    }
}
