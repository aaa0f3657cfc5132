package io.datagraph;

import java.util.List;

/**
 * How far one stream of a run has come.
 *
 * @param name     the stream's name
 * @param count    values written so far
 * @param complete whether its producer completed it
 * @param rate     values written per second, recently
 * @param readers  how far each processor reading the stream has read it
 */
public record IOState(String name, long count, boolean complete, double rate, List<ReaderState> readers) {

    public IOState {
        readers = List.copyOf(readers);
    }

    /** Values written but not yet read by the slowest reader (0 without readers). */
    public long backlog() {
        return readers.stream().mapToLong(reader -> Math.max(0, count - reader.read())).max().orElse(0);
    }
}
