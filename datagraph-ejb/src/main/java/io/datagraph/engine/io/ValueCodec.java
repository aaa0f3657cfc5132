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

    /** The codec for values of {@code type}. */
    @SuppressWarnings("unchecked")
    static <T> ValueCodec<T> forType(Type type, Jsonb jsonb) {
        ValueCodec<?> codec;
        if (type == Integer.class) {
            codec = new Scalar<>(jsonb, Integer.class, Integer::parseInt);
        } else if (type == Long.class) {
            codec = new Scalar<>(jsonb, Long.class, Long::parseLong);
        } else if (type == Double.class) {
            codec = new Scalar<>(jsonb, Double.class, Double::parseDouble);
        } else {
            codec = new JsonbCodec<>(jsonb, type);
        }
        return (ValueCodec<T>) codec;
    }

    /** Numbers whose JSON is their {@code toString()}; anything unusual falls back to JSON-B. */
    final class Scalar<T> implements ValueCodec<T> {
        private final JsonbCodec<T> fallback;
        private final java.util.function.Function<String, T> parse;

        Scalar(Jsonb jsonb, Class<T> type, java.util.function.Function<String, T> parse) {
            this.fallback = new JsonbCodec<>(jsonb, type);
            this.parse = parse;
        }

        @Override
        public String encode(T value) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            return String.valueOf(value);
        }

        @Override
        public T decode(String json) {
            try {
                return parse.apply(json);
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
