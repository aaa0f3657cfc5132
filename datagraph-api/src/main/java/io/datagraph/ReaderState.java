package io.datagraph;

/**
 * How far one processor has read one stream.
 *
 * @param processor the reading processor
 * @param read      values it has taken so far
 * @param rate      values it takes per second, recently
 */
public record ReaderState(String processor, long read, double rate) {
}
