package io.datagraph.engine.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the signals of one run, and tells the number of the last one a watcher is concerned by: a
 * watcher of one stream by the signals that name it and those that name none (the run ended or
 * restarted), a watcher of the whole run by every signal. A watcher waits until that number moves.
 *
 * <p>Not thread-safe: its owner guards it.
 */
final class SignalNumbers {

    private long last;
    private long lastNamingNone;
    private final Map<String, Long> lastNaming = new HashMap<>();

    /** Counts a signal naming {@code streams} (none: it concerns every stream). */
    void count(List<String> streams) {
        last++;
        if (streams.isEmpty()) {
            lastNamingNone = last;
        }
        for (String stream : streams) {
            lastNaming.put(stream, last);
        }
    }

    /** The number of the last signal a watcher of {@code stream} is concerned by; null: a watcher of the whole run. */
    long lastConcerning(String stream) {
        return stream == null ? last : Math.max(lastNamingNone, lastNaming.getOrDefault(stream, 0L));
    }
}
