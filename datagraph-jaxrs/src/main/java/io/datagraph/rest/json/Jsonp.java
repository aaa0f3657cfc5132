package io.datagraph.rest.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;

/**
 * JSON-P through one provider, looked up once. {@code jakarta.json.Json}'s factory methods look the
 * provider up again on every call (a {@code ServiceLoader} scan of the deployment's class path): that
 * lookup was a fifth of the server's CPU serving small flows. Thread-safe (providers are).
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    public static JsonObjectBuilder objectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder holding the object's members. */
    public static JsonObjectBuilder objectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    /** A builder holding the values (strings, numbers, JSON values …). */
    public static JsonArrayBuilder arrayBuilder(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader reader(InputStream json) {
        return PROVIDER.createReader(json);
    }

    public static JsonReader reader(Reader json) {
        return PROVIDER.createReader(json);
    }
}
