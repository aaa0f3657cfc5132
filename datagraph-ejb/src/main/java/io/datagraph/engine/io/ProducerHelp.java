package io.datagraph.engine.io;

/**
 * Lets a reader blocked on a stream run the stream's producer itself when that producer is still
 * queued on this node. This is what makes a flow of N blocking processors complete on a pool of
 * fewer than N threads: a thread never waits on work that needs a thread to start.
 */
public interface ProducerHelp {

    enum Outcome {
        /** The producer ran (to its end) on the calling thread. */
        RAN,
        /** The producer is queued here but only just; wait a little before running it inline. */
        QUEUED,
        /** The producer is not queued on this node (running, done, or elsewhere). */
        NONE
    }

    /** Runs {@code processor} of run {@code runId} on the calling thread if it is queued here. */
    Outcome runIfQueued(String runId, String processor);
}
