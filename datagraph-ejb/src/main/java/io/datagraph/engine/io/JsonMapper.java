package io.datagraph.engine.io;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The engine's JSON-B instance, shared because building one is expensive and using one is
 * thread-safe. Not exposed as a {@code Jsonb} bean so it never competes with an application's own.
 */
@ApplicationScoped
public class JsonMapper {

    private final Jsonb jsonb = JsonbBuilder.create();

    public Jsonb jsonb() {
        return jsonb;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing JSON-B failed", e);
        }
    }
}
