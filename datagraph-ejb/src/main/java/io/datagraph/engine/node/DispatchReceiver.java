package io.datagraph.engine.node;

/**
 * Where the {@link Dispatcher} hands the invocations it takes from the store: run supervision
 * implements it, so that node-to-node transport knows nothing of runs beyond their ids.
 */
public interface DispatchReceiver {

    /**
     * Runs processor {@code processor} of run {@code runId} on this node, as an attempt another node
     * could take over, unless the run's epoch moved on since the dispatch ({@code epoch}). Returns at
     * once; {@code ended} runs once the processor has ended, however it ended, or at once when it is not
     * run (the dispatcher then acknowledges the entry).
     *
     * @throws RuntimeException if it cannot be run here (the dispatcher logs it and acknowledges)
     */
    void runDispatched(String runId, String processor, long epoch, Runnable ended);
}
