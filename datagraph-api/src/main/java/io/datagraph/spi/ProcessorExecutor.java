package io.datagraph.spi;

/**
 * Runs processor invocations: the one thing an execution back-end must provide ("running a function
 * by name"). The engine ships two: {@code local}, on the server's {@code ManagedExecutorService}, and
 * {@code store}, which dispatches an invocation by processor name through the store to whichever live
 * node serving the processor takes it first. An application selects its own implementation, a CDI
 * bean with a {@code @Named} name, with {@code datagraph.executor.mode=<that name>}.
 *
 * <h2>Which executor runs what</h2>
 * When a partition of a run is due, the engine offers each of its processors to the selected executor;
 * one whose {@link #canExecute} says no goes through the store to another node. An invocation taken
 * from the store on this node runs on the selected executor when it is {@link #local()} and can run
 * it, else on the {@code local} one.
 *
 * <h2>The contract an executor keeps</h2>
 * <ol>
 *   <li><b>Each task once.</b> {@link #execute} schedules the task and returns at once; the executor
 *       calls {@link ProcessorTask#run()} once, later, on a thread other than the caller's (the caller
 *       may be a processor holding its own thread). Calling it again is harmless but useless: a task
 *       runs at most once, and a task the engine already ran returns at once.</li>
 *   <li><b>No task starves another.</b> A task may run as long as its run (a stream processor reads
 *       until its inputs end), and blocks while it waits for values. A reader waiting on a producer that a {@link #local()}
 *       executor still holds queued runs that producer itself, on its own thread, once it has waited
 *       {@code datagraph.executor.help-after} (tasks run once, so the executor's later call returns at
 *       once): a local executor may therefore use a bounded pool without deadlocking a flow. An executor
 *       that is not local (it runs tasks elsewhere) gets no such help, and must start every task it
 *       accepted without waiting for other tasks to end.</li>
 *   <li><b>Thread-safe.</b> {@code execute} and {@code canExecute} are called from many threads.</li>
 * </ol>
 *
 * <p>Element-wise processors do not go through executors: each serving node runs their workers on
 * threads of its own ({@code concurrency} per node), because their number is the application's choice
 * and their work is shared through the store rather than handed to one node.
 *
 * <h2>What crash recovery then covers</h2>
 * A task run by a local executor records this node as running the processor; if the node dies, no
 * other node can take the task over (its work sat in this JVM), and the run fails, naming the node.
 * Invocations dispatched through the store are taken over by another node serving the processor, as a
 * new attempt that fences off the dead one's writes and resumes its outputs.
 */
public interface ProcessorExecutor {

    /**
     * Whether this executor can run the named processor. Asked for every processor of a run before
     * it is started; a processor no executor can run here is dispatched through the store.
     */
    boolean canExecute(String processor);

    /** Schedules one invocation and returns at once; see the class contract. */
    void execute(ProcessorTask task);

    /**
     * Whether this executor runs tasks in this JVM, so that a reader blocked on a producer it still
     * holds queued may run that producer itself (see the class contract). Default: true.
     */
    default boolean local() {
        return true;
    }
}
