package io.datagraph;

/**
 * A CDI event fired on every node when a run ends (however it ended, wherever it ran), so that beans
 * can free what they keep per run: {@code void forget(@Observes RunEnded ended)}. Fired
 * asynchronously to the end itself; an observer must not take long.
 */
public record RunEnded(String runId, RunStatus status) {
}
