package io.datagraph.engine.protocol;

import java.util.Map;

/**
 * One invocation dispatched through a processor's dispatch stream ({@link StoreKeys#dispatch}):
 * an entry with the single field {@code run}, the run whose processor is to run.
 */
public record DispatchEntry(String runId) {

    private static final String RUN = "run";

    public Map<String, String> fields() {
        return Map.of(RUN, runId);
    }

    public static DispatchEntry of(Map<String, String> fields) {
        return new DispatchEntry(fields.get(RUN));
    }
}
