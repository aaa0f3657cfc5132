package io.datagraph;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One named stream of values of a run, read from the store.
 *
 * <p>Every read starts at the beginning of the stream and sees every value exactly once, in the
 * order written, whether the producer finished long ago or is still producing. Reads block until
 * the values they need exist; they end when the producer completes the stream. When the run fails
 * or is cancelled, a blocked or later read throws {@link FlowFailedException} or
 * {@link RunCancelledException} at once.
 *
 * <p>Instances are safe for use by several threads; each {@link #iterator()} or {@link #stream()}
 * is an independent cursor meant for one thread.
 *
 * @param <T> the element type, decoded from JSON
 */
public interface IO<T> extends Iterable<T> {

    /** The stream's name within its flow. */
    String name();

    /**
     * The first value, waiting for it if the producer has not written it yet.
     *
     * @throws NoSuchElementException if the stream completes without any value
     */
    T first();

    /** Every value in order; the stream ends when the IO completes. */
    default Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** A new cursor from the beginning of the stream; {@code hasNext()} blocks until it knows. */
    @Override
    Iterator<T> iterator();

    /**
     * Every value after {@code position} (a {@link StreamValue#position()} of this stream; empty for
     * the beginning) with its position, in order, ending when the IO completes. This is how a reader
     * resumes without loss or duplicates.
     *
     * @throws IllegalArgumentException if the position is not one of this stream's
     */
    ValueCursor<T> after(String position);

    /** Whether the producer has completed this stream (no value will follow the ones written). */
    boolean isComplete();

    /**
     * Values of this stream and of {@code others} in the order they become available (the seed's
     * {@code as_available}); ends when every one of them completes. Waiting on several streams
     * holds one thread, not one per stream.
     */
    Stream<T> mergeWith(List<? extends IO<? extends T>> others);

    /**
     * Pairs the i-th value of this stream with the i-th of {@code other} (the seed's
     * {@code stream_with}); ends when either stream ends.
     */
    default <U, R> Stream<R> zipWith(IO<U> other, BiFunction<? super T, ? super U, ? extends R> combine) {
        Iterator<T> left = iterator();
        Iterator<U> right = other.iterator();
        Iterator<R> zipped = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return left.hasNext() && right.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return combine.apply(left.next(), right.next());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(zipped, Spliterator.ORDERED), false);
    }

    /**
     * Rows of the i-th value of every stream, in argument order; ends when any stream ends.
     */
    static Stream<List<Object>> zip(IO<?>... ios) {
        List<Iterator<?>> cursors = new ArrayList<>(ios.length);
        for (IO<?> io : ios) {
            cursors.add(io.iterator());
        }
        Iterator<List<Object>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursors.stream().allMatch(Iterator::hasNext);
            }

            @Override
            public List<Object> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Object> row = new ArrayList<>(cursors.size());
                for (Iterator<?> cursor : cursors) {
                    row.add(cursor.next());
                }
                return row;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }

    /** Values of all {@code ios} as they become available; see {@link #mergeWith(List)}. */
    @SafeVarargs
    static <T> Stream<T> merge(IO<? extends T> first, IO<? extends T>... rest) {
        @SuppressWarnings("unchecked")
        IO<T> head = (IO<T>) first;
        return head.mergeWith(List.of(rest));
    }
}
