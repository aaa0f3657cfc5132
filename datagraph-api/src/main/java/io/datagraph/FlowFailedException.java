package io.datagraph;

/** Thrown to every reader and writer of a run once one of its processors has failed. */
public class FlowFailedException extends DatagraphException {

    private final String runId;
    private final RunFailure failure;

    public FlowFailedException(String runId, RunFailure failure) {
        super("run " + runId + " failed: processor '" + failure.processor() + "' threw " + failure.message());
        this.runId = runId;
        this.failure = failure;
    }

    public String runId() {
        return runId;
    }

    public RunFailure failure() {
        return failure;
    }
}
