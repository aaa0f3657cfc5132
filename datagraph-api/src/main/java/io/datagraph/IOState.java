package io.datagraph;

/**
 * How far one stream of a run has come.
 *
 * @param name     the stream's name
 * @param count    values written so far
 * @param complete whether its producer completed it
 */
public record IOState(String name, long count, boolean complete) {
}
