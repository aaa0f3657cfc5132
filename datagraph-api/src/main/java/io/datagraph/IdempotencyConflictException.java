package io.datagraph;

import java.util.List;

/**
 * A start carried an idempotency key that is bound to a run started with a different request: reusing
 * a key for other work would silently answer the wrong run, so it is refused, naming what differs.
 */
public class IdempotencyConflictException extends DatagraphException {

    private final String runId;
    private final List<String> differences;

    /** @param differences what differs, in words ("the flow", "the input values", …) */
    public IdempotencyConflictException(String key, String runId, List<String> differences) {
        super("idempotency key '" + key + "' is bound to run " + runId + ", which was started with a different request ("
                + String.join(", ", differences) + " differ); use a new key for a different request, or repeat the"
                + " original one to get that run");
        this.runId = runId;
        this.differences = List.copyOf(differences);
    }

    /** The run the key is bound to. */
    public String runId() {
        return runId;
    }

    public List<String> differences() {
        return differences;
    }
}
