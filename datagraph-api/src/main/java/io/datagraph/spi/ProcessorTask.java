package io.datagraph.spi;

/**
 * One invocation of one processor within one run, as handed to a {@link ProcessorExecutor}.
 * Thread-safe.
 */
public interface ProcessorTask extends Runnable {

    String runId();

    String processor();

    /**
     * Invokes the processor and records its outcome (completion or failure) in the store. Never
     * throws: a failing processor fails its run instead. Runs at most once, however often and from
     * however many threads it is called; a call after the first returns at once, as does a call after
     * the run ended.
     */
    @Override
    void run();
}
