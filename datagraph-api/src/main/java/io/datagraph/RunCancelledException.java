package io.datagraph;

/** Thrown to every reader and writer of a run once it has been cancelled. */
public class RunCancelledException extends DatagraphException {

    private final String runId;

    public RunCancelledException(String runId) {
        super("run " + runId + " was cancelled");
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
