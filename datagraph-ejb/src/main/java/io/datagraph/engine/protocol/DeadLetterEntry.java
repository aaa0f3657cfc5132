package io.datagraph.engine.protocol;

import io.datagraph.DeadLetter;

import java.time.Instant;

/**
 * How a dead letter is kept: an entry of the run's dead-letter stream ({@link RunKeys#deadLetters()})
 * with the fields of {@link DeadLetter}: {@value #PROCESSOR}, {@value #VALUE} (JSON), {@value #ERROR},
 * {@value #ATTEMPTS}, {@value #NODE} and {@value #TIME} (ISO-8601). Written by commit.lua.
 */
public final class DeadLetterEntry {

    public static final String PROCESSOR = "processor";
    public static final String VALUE = "value";
    public static final String ERROR = "error";
    public static final String ATTEMPTS = "attempts";
    public static final String NODE = "node";
    public static final String TIME = "time";

    private DeadLetterEntry() {
    }

    /** A dead letter from an entry's fields. */
    public static DeadLetter read(java.util.Map<String, String> f) {
        return new DeadLetter(f.get(PROCESSOR), f.get(VALUE), f.get(ERROR), Integer.parseInt(f.get(ATTEMPTS)),
                f.get(NODE), Instant.parse(f.get(TIME)));
    }
}
