package io.datagraph;

/**
 * Writes one named output stream of a run.
 *
 * <p>Values are encoded as JSON and written in batches: a value becomes visible to readers shortly
 * after {@link #emit} returns, without waiting for the processor to end. {@code emit} blocks while
 * earlier values are still being written and the batch is full, so a producer cannot outrun the
 * store. Returning from the processor completes the output; {@link #complete()} does it earlier.
 *
 * <p>Safe for use by several threads; the values emitted by one thread keep their order.
 *
 * @param <T> the element type, encoded to JSON
 */
public interface Emitter<T> {

    /** The stream's name within its flow. */
    String name();

    /**
     * Appends a value to the stream.
     *
     * @throws RunCancelledException if the run was cancelled (the processor should stop)
     * @throws FlowFailedException if the run failed
     * @throws IllegalStateException if the output was already completed
     */
    void emit(T value);

    /** Appends every value, in order. */
    default void emitAll(Iterable<? extends T> values) {
        for (T value : values) {
            emit(value);
        }
    }

    /**
     * Writes what is buffered and completes the stream: readers see its end. Idempotent; called
     * automatically when the processor ends.
     */
    void complete();
}
