package io.datagraph;

import java.util.Optional;

/**
 * What a processor call is part of: the run and the processor. Available on the calling thread while
 * the engine calls a processor ({@link #current()}), e.g. for an element-wise processor that keeps
 * something per run (free it when the run ends: observe {@link RunEnded}).
 */
public record ProcessorContext(String runId, String processor) {

    private static final ThreadLocal<ProcessorContext> CURRENT = new ThreadLocal<>();

    /** The context of the processor call running on this thread, if any. */
    public static Optional<ProcessorContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs {@code call} with this context current on the calling thread. For the engine (and tests of
     * processors); the context is the previous one again afterwards.
     */
    public <T> T around(java.util.concurrent.Callable<T> call) throws Exception {
        ProcessorContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return call.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
