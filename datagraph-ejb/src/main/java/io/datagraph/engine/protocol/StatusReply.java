package io.datagraph.engine.protocol;

import io.datagraph.DatagraphException;
import io.datagraph.FlowFailedException;
import io.datagraph.RunCancelledException;
import io.datagraph.RunFailure;
import io.datagraph.UnknownRunException;

import java.util.List;

/**
 * The first three elements of a script reply that may refuse its work because of the run's state:
 * {@code {status, failed processor, error}}. {@value #OK} when the work was done; else the run's
 * status (or {@code UNKNOWN} / empty for no run), or a script's own refusal ({@value #SUPERSEDED},
 * {@value #CLOSED}, {@value #TRIMMED}).
 */
public record StatusReply(String status, String failedProcessor, String error) {

    public static final String OK = "OK";
    /** A newer attempt of the writer's processor fenced the write off. */
    public static final String SUPERSEDED = "SUPERSEDED";
    /** The stream is complete and takes no more values. */
    public static final String CLOSED = "CLOSED";
    /** The read started before the stream's trim point; {@code error} holds that point. */
    public static final String TRIMMED = "TRIMMED";

    static StatusReply of(List<Object> reply) {
        return new StatusReply((String) reply.get(0), (String) reply.get(1), (String) reply.get(2));
    }

    public boolean ok() {
        return OK.equals(status);
    }

    public boolean is(String expected) {
        return expected.equals(status);
    }

    /** The exception for a status saying the run no longer takes or gives values. */
    public DatagraphException ended(String runId) {
        return switch (status) {
            case "FAILED" -> new FlowFailedException(runId, new RunFailure(failedProcessor, error));
            case "CANCELLED" -> new RunCancelledException(runId);
            case "", "UNKNOWN" -> new UnknownRunException(runId);
            default -> new DatagraphException("run " + runId + " is " + status + " and takes no more values");
        };
    }
}
