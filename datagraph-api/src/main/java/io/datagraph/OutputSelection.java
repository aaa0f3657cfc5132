package io.datagraph;

/** Which streams of a run its handle lists as outputs. */
public enum OutputSelection {
    /** The outputs of the processors of the last partition (the seed's default). */
    FINAL,
    /** Every output of every processor. */
    ALL
}
