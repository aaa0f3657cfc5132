package io.datagraph.engine.trace;

/**
 * A span of the engine's work in a run's trace: one processor attempt, or one claimed unit of an
 * element-wise processor. {@link #NONE} when the run has no trace or tracing is off, so that callers
 * never check. Not thread-safe: the thread that does the work records it.
 */
public interface TraceSpan {

    TraceSpan NONE = new TraceSpan() {
        @Override
        public void event(String name, String detail) {
        }

        @Override
        public void failed(Throwable error) {
        }

        @Override
        public void end(String outcome, long valuesIn, long valuesOut) {
        }
    };

    /** Something that happened during the work: a value failed, the work was taken over, the run was cancelled. */
    void event(String name, String detail);

    /** The work threw: the error is recorded and the span's status is an error. */
    void failed(Throwable error);

    /** Ends the span with the work's outcome and the values it took and gave. */
    void end(String outcome, long valuesIn, long valuesOut);
}
