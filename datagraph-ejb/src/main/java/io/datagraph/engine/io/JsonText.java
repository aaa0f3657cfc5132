package io.datagraph.engine.io;

import java.util.Objects;

/**
 * A value as the JSON text it is stored as, neither parsed nor rewritten: for a reader that only passes
 * values on as JSON (the REST layer's event streams and JSON answers), which would otherwise parse each
 * value into a tree and print it back. Read a stream with this element type to get it. The text is one
 * line of JSON, as every writer stores values; a reader trusts the store for that as for any value (and
 * the HMAC, when on, was checked per entry). Immutable.
 */
public record JsonText(String json) {

    public JsonText {
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return json;
    }

    /** The codec of {@link JsonText}: the stored text as it is; writing checks only that it is one line. */
    static final class Codec implements ValueCodec<JsonText> {

        @Override
        public String encode(JsonText value) {
            if (value.json().indexOf('\n') >= 0 || value.json().isBlank()) {
                throw new IllegalArgumentException("a JSON text value must be one line of JSON, not '" + value.json() + "'");
            }
            return value.json();
        }

        @Override
        public JsonText decode(String json) {
            return new JsonText(json);
        }

        @Override
        public JsonText decode(String text, int from, int to) {
            return new JsonText(text.substring(from, to));
        }
    }
}
