package io.datagraph;

/** The store holds no run with this id: it never existed, or it expired after its TTL. */
public class UnknownRunException extends DatagraphException {

    private final String runId;

    public UnknownRunException(String runId) {
        super("no run '" + runId + "' in the store (never started, or expired after its TTL)");
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
