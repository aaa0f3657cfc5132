package io.datagraph;

/** Which streams of a run its handle lists as outputs. */
public enum OutputSelection {
    /** The outputs of the processors of the last partition (the seed's default). */
    FINAL,
    /** Every output of every processor. */
    ALL,
    /**
     * The outputs no processor of the flow reads: the flow's results. Every other stream is then
     * internal, and is dropped as its readers consume it (see {@code datagraph.streams.trim-consumed}).
     */
    TERMINAL
}
