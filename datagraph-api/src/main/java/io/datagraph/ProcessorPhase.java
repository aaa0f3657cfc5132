package io.datagraph;

/** Where one processor of a run stands. */
public enum ProcessorPhase {
    /** Not started: its partition is not due yet, or it waits for a thread. */
    WAITING,
    RUNNING,
    DONE,
    FAILED,
    /** Was running when its run failed or was cancelled; a restart runs it again. */
    STOPPED
}
