package io.datagraph.engine.protocol;

import java.util.Map;

/**
 * One invocation dispatched through a processor's dispatch stream ({@link StoreKeys#dispatch}): an
 * entry with the fields {@code run}, the run whose processor is to run, and {@code epoch}, the run's
 * epoch then (a restart raises it; an entry of an earlier epoch is acknowledged without running).
 */
public record DispatchEntry(String runId, long epoch) {

    private static final String RUN = "run";
    private static final String EPOCH = "epoch";

    public Map<String, String> fields() {
        return Map.of(RUN, runId, EPOCH, String.valueOf(epoch));
    }

    public static DispatchEntry of(Map<String, String> fields) {
        return new DispatchEntry(fields.get(RUN), Long.parseLong(fields.getOrDefault(EPOCH, "0")));
    }
}
