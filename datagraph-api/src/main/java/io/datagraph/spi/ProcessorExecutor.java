package io.datagraph.spi;

/**
 * Runs processor invocations: the one thing an execution back-end must provide ("running a
 * function by name"). The engine ships a local executor on {@code ManagedExecutorService}.
 *
 * <p>Implementations must be safe for concurrent use and must not run a task on the calling
 * thread: the caller may be a processor blocked on its own inputs.
 */
public interface ProcessorExecutor {

    /** Whether this executor can run the named processor. */
    boolean canExecute(String processor);

    /** Schedules one invocation; returns at once. */
    void execute(ProcessorTask task);
}
