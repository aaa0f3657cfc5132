package io.datagraph.engine.io;

import io.datagraph.engine.protocol.EntryCodec;

import java.util.function.Supplier;

/**
 * Turns a value emitted to one output into the JSON a stream entry holds: refuses null, encodes,
 * checks the size limit. Shared by every emitter, so that they refuse the same values with the same
 * words. Immutable; thread-safe.
 */
public final class OutputEncoder<T> {

    private final String output;
    private final ValueCodec<T> codec;
    private final EntryCodec.SizeLimit limit;
    private final Supplier<String> what;

    @SuppressWarnings("unchecked")
    public OutputEncoder(String output, ValueCodec<?> codec, EntryCodec.SizeLimit limit) {
        this.output = output;
        this.codec = (ValueCodec<T>) codec;
        this.limit = limit;
        this.what = () -> "a value emitted to '" + output + "'";
    }

    /**
     * @throws IllegalArgumentException for null (streams hold values, not absence)
     * @throws io.datagraph.LimitExceededException for a value over {@code datagraph.limits.value-bytes}
     */
    public String encode(T value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot emit null to '" + output + "': streams hold JSON values, not absence");
        }
        String json = codec.encode(value);
        limit.check(json, what);
        return json;
    }
}
