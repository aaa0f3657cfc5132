package io.datagraph.flow;

import io.datagraph.OnFailure;

import java.time.Duration;
import java.util.Objects;

/**
 * How an element-wise processor handles its values: workers per serving node, retries with
 * exponential backoff, what becomes of a value that keeps failing, and whether its results keep the
 * order of its input. Part of its signature, so that
 * every node runs its workers the same way.
 */
public record ElementWise(int concurrency, int retries, Duration retryDelay, Duration maxRetryDelay,
                          OnFailure onFailure, boolean ordered) {

    public ElementWise {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0, not " + retries);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(onFailure, "onFailure");
    }

    /** The same with another number of workers per node. */
    public ElementWise withConcurrency(int workers) {
        return new ElementWise(workers, retries, retryDelay, maxRetryDelay, onFailure, ordered);
    }

    /** The same with another number of retries. */
    public ElementWise withRetries(int times) {
        return new ElementWise(concurrency, times, retryDelay, maxRetryDelay, onFailure, ordered);
    }

    /** How long to wait before calling the processor for the {@code attempt}-th time (2 is the first retry). */
    public Duration delayBefore(int attempt) {
        return new RetryPolicy(retries, retryDelay, maxRetryDelay).delayBefore(attempt);
    }
}
