package io.datagraph.spi;

/**
 * One invocation of one processor within one run, as handed to a {@link ProcessorExecutor}.
 * Thread-safe.
 */
public interface ProcessorTask extends Runnable {

    String runId();

    String processor();

    /**
     * The run's epoch this task belongs to: a restart raises it, and a task of an earlier epoch that
     * reaches a node late (a dispatch taken after the restart) is not run. 0 until the run is restarted.
     */
    default long epoch() {
        return 0;
    }

    /**
     * Invokes the processor and records its outcome (completion or failure) in the store. Never
     * throws: a failing processor fails its run instead. Runs at most once, however often and from
     * however many threads it is called; a call after the first returns at once, as does a call after
     * the run ended.
     */
    @Override
    void run();
}
