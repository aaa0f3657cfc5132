package io.datagraph.engine.io;

import io.datagraph.engine.protocol.EntryCodec;

import java.util.function.Supplier;

/**
 * Turns a value emitted to one output into the JSON a stream entry holds: refuses null, encodes,
 * checks the size limit. Shared by every emitter, so that they refuse the same values with the same
 * words. Immutable; thread-safe.
 */
public final class OutputEncoder<T> implements EntryCodec.ValueWriter<T> {

    private final String output;
    private final ValueCodec<T> codec;
    private final EntryCodec.SizeLimit limit;
    private final Supplier<String> what;
    /** Whether values are written into entries in place: short numbers, which no sane size limit refuses. */
    private final boolean inPlace;

    @SuppressWarnings("unchecked")
    public OutputEncoder(String output, ValueCodec<?> codec, EntryCodec.SizeLimit limit) {
        this.output = output;
        this.codec = (ValueCodec<T>) codec;
        this.limit = limit;
        this.what = () -> "a value emitted to '" + output + "'";
        this.inPlace = this.codec.encodesInPlace() && limit.maxBytes() >= ValueCodec.IN_PLACE_CHARS;
    }

    /**
     * Whether the value is to be {@linkplain #write written} into its entry in place, rather than
     * {@linkplain #encode encoded} first (it then needs no size check).
     *
     * @throws IllegalArgumentException for null
     */
    public boolean writesInPlace(T value) {
        requireValue(value);
        return inPlace;
    }

    /** Writes a value {@linkplain #writesInPlace written in place} at the end of an entry's payload. */
    @Override
    public void write(T value, StringBuilder payload) {
        codec.encode(value, payload);
    }

    /**
     * @throws IllegalArgumentException for null (streams hold values, not absence)
     * @throws io.datagraph.LimitExceededException for a value over {@code datagraph.limits.value-bytes}
     */
    public String encode(T value) {
        requireValue(value);
        String json = codec.encode(value);
        limit.check(json, what);
        return json;
    }

    private void requireValue(T value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot emit null to '" + output + "': streams hold JSON values, not absence");
        }
    }
}
