package io.datagraph;

/** Where a run stands. Every status but {@link #RUNNING} is final. */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
