package io.datagraph.client;

import java.util.List;
import java.util.Map;

/**
 * A run's state ({@code GET /flows/{id}}): status, each processor's phase, each stream with its count,
 * rate and readers, dead letters, the failure if it failed, who started it, how long it has run (ms; null
 * where the server does not say) and its live page.
 */
public record RunState(String id, String status, List<String> processors, Map<String, String> phases,
                       List<IoState> ios, long deadLetters, Map<String, Long> deadLettersByProcessor,
                       RunFailure error, String startedBy, Long durationMs, String view) {

    /** A stream of the run: values written, whether complete, values per second, and its readers. */
    public record IoState(String name, long count, boolean complete, double rate, List<ReaderState> readers) {
    }

    /** A processor reading a stream: values taken, per second, and not yet taken. */
    public record ReaderState(String processor, long read, double rate, long backlog) {
    }

    /** Why a run failed: which processor, and its message. */
    public record RunFailure(String processor, String message) {
    }
}
