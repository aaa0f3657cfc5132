package io.datagraph.rest.request;

import io.datagraph.rest.problem.BadRequestProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.datagraph.rest.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import io.datagraph.engine.config.EngineConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies as JSON, at most {@code datagraph.rest.max-body-bytes} of them: a larger
 * body is refused with 413 before it is parsed, a malformed one with 400 saying where it broke.
 */
@ApplicationScoped
public class JsonBodies {

    @Inject
    EngineConfig config;

    /** The body as a JSON object or array. */
    public JsonStructure read(InputStream body) {
        byte[] bytes = limited(body);
        if (bytes.length == 0) {
            throw new MalformedRequestException("the request needs a JSON body");
        }
        JsonValue json;
        try (JsonReader reader = Jsonp.reader(new ByteArrayInputStream(bytes))) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException mostly, but parsers throw plain RuntimeExceptions too (Parsson: nesting too deep)
            throw new MalformedRequestException("malformed JSON: " + e.getMessage());
        }
        if (!(json instanceof JsonStructure structure)) {
            throw new MalformedRequestException("the body must be a JSON object or array, not " + json);
        }
        return structure;
    }

    /** The body as a JSON array. */
    public JsonArray readArray(InputStream body, String what) {
        JsonStructure json = read(body);
        if (json.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedRequestException(what + " must be a JSON array, not " + json.getValueType().name().toLowerCase());
        }
        return json.asJsonArray();
    }

    private byte[] limited(InputStream body) {
        try {
            long maxBytes = config.rest().maxBodyBytes();
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new BadRequestProblem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body exceeds "
                        + maxBytes + " bytes (datagraph.rest.max-body-bytes)");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
