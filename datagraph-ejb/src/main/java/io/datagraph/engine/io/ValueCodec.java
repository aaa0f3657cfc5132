package io.datagraph.engine.io;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.lang.reflect.Type;

/**
 * Turns values of one element type into single-line JSON text and back. Values are only ever
 * JSON, never Java serialization. The common scalar types skip JSON-B: at hundreds of thousands of
 * values a second, a reflective round trip per value is most of the cost of a stream.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ValueCodec<T> {

    /** JSON text of the value, on one line (entries separate values with newlines). */
    String encode(T value);

    /** The value of a JSON text produced by any writer (another node, another language). */
    T decode(String json);

    /** The value of the JSON text {@code text[from, to)}: a value read where it lies in its entry. */
    default T decode(String text, int from, int to) {
        return decode(text.substring(from, to));
    }

    /**
     * Whether {@link #encode(Object, StringBuilder)} writes values in place and their JSON is never
     * longer than {@value #IN_PLACE_CHARS} ASCII characters (so no size limit need check them).
     */
    default boolean encodesInPlace() {
        return false;
    }

    /** Writes the value's JSON at the end of {@code out}; only for codecs that {@link #encodesInPlace()}. */
    default void encode(T value, StringBuilder out) {
        out.append(encode(value));
    }

    /** The longest JSON of a value a codec that {@linkplain #encodesInPlace() encodes in place} writes. */
    int IN_PLACE_CHARS = 20;

    /** The codec for values of {@code type}. */
    @SuppressWarnings("unchecked")
    static <T> ValueCodec<T> forType(Type type, Jsonb jsonb) {
        ValueCodec<?> codec;
        if (type == Integer.class) {
            codec = new Integral<>(jsonb, Integer.class, (text, from, to) -> Integer.parseInt(text, from, to, 10));
        } else if (type == Long.class) {
            codec = new Integral<>(jsonb, Long.class, (text, from, to) -> Long.parseLong(text, from, to, 10));
        } else if (type == Double.class) {
            codec = new Floating(jsonb);
        } else if (type == JsonText.class) {
            codec = new JsonText.Codec();
        } else {
            codec = new JsonbCodec<>(jsonb, type);
        }
        return (ValueCodec<T>) codec;
    }

    /**
     * Integers, whose JSON is their {@code toString()}: parsed where they lie in an entry and written
     * straight into one, with no string per value; anything unusual ({@code 1.0}, {@code 1e3}) falls
     * back to JSON-B.
     */
    final class Integral<T extends Number> implements ValueCodec<T> {
        private final JsonbCodec<T> fallback;
        private final RangeParser<T> parse;

        /** Parses {@code text[from, to)}; throws {@link NumberFormatException} for anything but digits. */
        interface RangeParser<T> {
            T parse(CharSequence text, int from, int to);
        }

        Integral(Jsonb jsonb, Class<T> type, RangeParser<T> parse) {
            this.fallback = new JsonbCodec<>(jsonb, type);
            this.parse = parse;
        }

        @Override
        public String encode(T value) {
            return value.toString();
        }

        @Override
        public boolean encodesInPlace() {
            return true;
        }

        @Override
        public void encode(T value, StringBuilder out) {
            out.append(value.longValue());
        }

        @Override
        public T decode(String json) {
            return decode(json, 0, json.length());
        }

        @Override
        public T decode(String text, int from, int to) {
            try {
                return parse.parse(text, from, to);
            } catch (NumberFormatException e) {
                return fallback.decode(text.substring(from, to));
            }
        }
    }

    /** Doubles, whose JSON is their {@code toString()}; NaN and infinities have none. */
    final class Floating implements ValueCodec<Double> {
        private final JsonbCodec<Double> fallback;

        Floating(Jsonb jsonb) {
            this.fallback = new JsonbCodec<>(jsonb, Double.class);
        }

        @Override
        public String encode(Double value) {
            if (value.isNaN() || value.isInfinite()) {
                throw new IllegalArgumentException("JSON has no representation for " + value);
            }
            return value.toString();
        }

        @Override
        public Double decode(String json) {
            try {
                return Double.parseDouble(json);
            } catch (NumberFormatException e) {
                return fallback.decode(json);
            }
        }
    }

    /** Any type JSON-B maps. */
    final class JsonbCodec<T> implements ValueCodec<T> {
        private final Jsonb jsonb;
        private final Type type;

        JsonbCodec(Jsonb jsonb, Type type) {
            this.jsonb = jsonb;
            this.type = type;
        }

        @Override
        public String encode(T value) {
            String json = jsonb.toJson(value);
            // raw line breaks can only be whitespace between tokens (JSON strings escape them)
            return json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json : json.replace('\n', ' ').replace('\r', ' ');
        }

        @Override
        public T decode(String json) {
            try {
                return jsonb.fromJson(json, type);
            } catch (JsonbException e) {
                throw new IllegalArgumentException("cannot read " + abbreviate(json) + " as " + type.getTypeName()
                        + ": " + e.getMessage(), e);
            }
        }

        private static String abbreviate(String json) {
            return json.length() <= 80 ? json : json.substring(0, 80) + "…";
        }
    }
}
