package io.datagraph.engine.protocol;

import io.datagraph.RunStatus;

import java.util.Optional;

/**
 * A message on the signal channel ({@link StoreKeys#signalChannel}): {@code <run>} after a write to
 * one of the run's streams, {@code <run>!<status>} once the run ended ({@code <run>!<status>!<epoch>}
 * when it failed or was cancelled: a restart may follow, and what is stopped is that epoch's work),
 * {@code @<processor>} after an invocation of the processor was dispatched. Run ids never start with
 * {@code @}.
 *
 * @param runId     the run written to or ended; null for a dispatch notice
 * @param ended     the run's final status, when it ended
 * @param epoch     the epoch that ended (0 unless given)
 * @param processor the processor dispatched; null for a run's signal
 */
public record SignalMessage(String runId, Optional<RunStatus> ended, long epoch, String processor) {

    private static final String DISPATCH = "@";
    private static final char END = '!';

    public static String dispatched(String processor) {
        return DISPATCH + processor;
    }

    /** What the scripts publish when a run ends (see {@code finish.lua}, {@code fail.lua}, {@code cancel.lua}). */
    public static String ended(String runId, RunStatus status) {
        return runId + END + status.name();
    }

    /** @throws IllegalArgumentException if the status part is not a {@link RunStatus} */
    public static SignalMessage parse(String message) {
        if (message.startsWith(DISPATCH)) {
            return new SignalMessage(null, Optional.empty(), 0, message.substring(DISPATCH.length()));
        }
        int bang = message.indexOf(END);
        if (bang < 0) {
            return new SignalMessage(message, Optional.empty(), 0, null);
        }
        String[] parts = message.substring(bang + 1).split(String.valueOf(END));
        return new SignalMessage(message.substring(0, bang), Optional.of(RunStatus.valueOf(parts[0])),
                parts.length > 1 ? Long.parseLong(parts[1]) : 0, null);
    }

    public boolean isDispatch() {
        return processor != null;
    }
}
