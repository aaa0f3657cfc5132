package io.datagraph;

import java.time.Instant;

/**
 * A value an element-wise processor gave up on: it still failed after its retries, and the processor
 * is declared {@code onFailure = DEAD_LETTER}. Kept with the run, and expires with it.
 *
 * @param processor the element-wise processor
 * @param value     the value, as JSON
 * @param error     {@code "<exception simple class name>: <message>"} of the last attempt
 * @param attempts  how many times the processor was called with it (reclaims after a crash do not count)
 * @param node      the node of the last attempt
 * @param time      when it was given up
 */
public record DeadLetter(String processor, String value, String error, int attempts, String node, Instant time) {
}
