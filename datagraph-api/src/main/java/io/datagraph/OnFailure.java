package io.datagraph;

/** What an element-wise processor does with a value that still fails after its retries. */
public enum OnFailure {
    /** The run fails, as when a stream processor throws (the default). */
    FAIL_RUN,
    /** The value is recorded among the run's dead letters ({@link Run#deadLetters()}) and the run goes on. */
    DEAD_LETTER
}
