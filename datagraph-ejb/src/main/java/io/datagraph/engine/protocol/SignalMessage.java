package io.datagraph.engine.protocol;

import io.datagraph.RunStatus;

import java.util.List;
import java.util.Optional;

/**
 * A message on the signal channel ({@link StoreKeys#signalChannel}): {@code <run>\n<stream>…} after a
 * write to streams of the run (one line per stream written), {@code <run>} after a change that concerns
 * every reader of the run (a restart), {@code <run>!<status>} once the run ended
 * ({@code <run>!<status>!<epoch>} when it failed or was cancelled: a restart may follow, and what is
 * stopped is that epoch's work), {@code @<processor>} after an invocation of the processor was
 * dispatched. Run ids never start with {@code @}. Naming the streams lets a reader sleep through writes
 * to the run's other streams: a reader of the last stream of range → square → sum no longer fetches
 * when the first one is written.
 *
 * @param runId     the run written to or ended; null for a dispatch notice
 * @param ended     the run's final status, when it ended
 * @param epoch     the epoch that ended (0 unless given)
 * @param processor the processor dispatched; null for a run's signal
 * @param streams   the streams written; empty when the signal concerns every reader of the run
 */
public record SignalMessage(String runId, Optional<RunStatus> ended, long epoch, String processor, List<String> streams) {

    private static final String DISPATCH = "@";
    private static final char END = '!';
    private static final char LINE = '\n';

    public static String dispatched(String processor) {
        return DISPATCH + processor;
    }

    /** What the scripts publish when a run ends (see {@code finish.lua}, {@code fail.lua}, {@code cancel.lua}). */
    public static String ended(String runId, RunStatus status) {
        return runId + END + status.name();
    }

    /** What the scripts publish after writing to streams of a run (see {@code append.lua}, {@code finish_lib.lua}). */
    public static String written(String runId, List<String> streams) {
        return runId + LINE + String.join(String.valueOf(LINE), streams);
    }

    /** @throws IllegalArgumentException if the status part is not a {@link RunStatus} */
    public static SignalMessage parse(String message) {
        if (message.startsWith(DISPATCH)) {
            return new SignalMessage(null, Optional.empty(), 0, message.substring(DISPATCH.length()), List.of());
        }
        int line = message.indexOf(LINE);
        if (line >= 0) {
            return new SignalMessage(message.substring(0, line), Optional.empty(), 0, null,
                    List.of(message.substring(line + 1).split(String.valueOf(LINE))));
        }
        int bang = message.indexOf(END);
        if (bang < 0) {
            return new SignalMessage(message, Optional.empty(), 0, null, List.of());
        }
        String[] parts = message.substring(bang + 1).split(String.valueOf(END));
        return new SignalMessage(message.substring(0, bang), Optional.of(RunStatus.valueOf(parts[0])),
                parts.length > 1 ? Long.parseLong(parts[1]) : 0, null, List.of());
    }

    public boolean isDispatch() {
        return processor != null;
    }
}
