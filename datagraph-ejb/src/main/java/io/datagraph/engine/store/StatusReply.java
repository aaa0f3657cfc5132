package io.datagraph.engine.store;

import io.datagraph.DatagraphException;
import io.datagraph.FlowFailedException;
import io.datagraph.RunCancelledException;
import io.datagraph.RunFailure;
import io.datagraph.UnknownRunException;

import java.util.List;

/**
 * The first three elements of a script reply that may refuse its work because of the run's state:
 * {@code {status, failed processor, error}}. Turns a refusal into the exception users see.
 */
public final class StatusReply {

    private StatusReply() {
    }

    /** The status element of a reply. */
    public static String status(List<Object> reply) {
        return (String) reply.get(0);
    }

    /** The exception for a reply whose status says the run no longer takes or gives values. */
    public static DatagraphException ended(String runId, List<Object> reply) {
        String status = status(reply);
        return switch (status) {
            case "FAILED" -> new FlowFailedException(runId, new RunFailure((String) reply.get(1), (String) reply.get(2)));
            case "CANCELLED" -> new RunCancelledException(runId);
            case "", "UNKNOWN" -> new UnknownRunException(runId);
            default -> new DatagraphException("run " + runId + " is " + status + " and takes no more values");
        };
    }
}
