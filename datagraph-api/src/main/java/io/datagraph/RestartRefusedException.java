package io.datagraph;

/** A run that cannot be restarted: it is not FAILED, or it would have to re-read values it no longer holds. */
public class RestartRefusedException extends DatagraphException {

    private final String runId;

    public RestartRefusedException(String runId, String why) {
        super("run " + runId + " cannot be restarted: " + why);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
