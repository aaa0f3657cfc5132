package io.datagraph.testing;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Generic element types for reading streams in tests. */
public final class Types {

    /** {@code List<Long>}: the {@code [i, epochMillis]} values of the producer and consumer examples. */
    public static final Type LIST_OF_LONG = new ArrayList<Long>() { }.getClass().getGenericSuperclass();

    /** {@code List<Integer>}. */
    public static final Type LIST_OF_INTEGER = new ArrayList<Integer>() { }.getClass().getGenericSuperclass();

    private Types() {
    }

    /** The first element of each {@code [i, t]} pair. */
    public static List<Long> indexes(List<List<Long>> pairs) {
        return pairs.stream().map(pair -> pair.get(0)).toList();
    }
}
