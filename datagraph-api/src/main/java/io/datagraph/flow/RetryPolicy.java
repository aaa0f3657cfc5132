package io.datagraph.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a failing call is tried again, and how long to wait: {@code delay} before the first retry,
 * twice as long before each further one, never more than {@code maxDelay}.
 */
public record RetryPolicy(int retries, Duration delay, Duration maxDelay) {

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0, not " + retries);
        }
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** How long to wait before the {@code attempt}-th call (2 is the first retry). */
    public Duration delayBefore(int attempt) {
        if (attempt < 2 || delay.isZero()) {
            return Duration.ZERO;
        }
        Duration wait = delay;
        for (int i = 2; i < attempt && wait.compareTo(maxDelay) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    /** Whether a call that failed on its {@code attempt}-th try is tried again. */
    public boolean retries(int attempt) {
        return attempt <= retries;
    }

    public RetryPolicy withRetries(int times) {
        return new RetryPolicy(times, delay, maxDelay);
    }
}
