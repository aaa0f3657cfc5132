package io.datagraph.rest.problem;

import io.datagraph.DatagraphException;
import io.datagraph.FlowFailedException;
import io.datagraph.IdempotencyConflictException;
import io.datagraph.InputClosedException;
import io.datagraph.LimitExceededException;
import io.datagraph.RunCancelledException;
import io.datagraph.StoreUnavailableException;
import io.datagraph.UnknownRunException;
import io.datagraph.UnknownStreamException;
import io.datagraph.flow.FlowResolutionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Gives each engine exception its status; the exception's message is written for users, so it is the detail. */
@Provider
public class DatagraphExceptionMapper implements ExceptionMapper<DatagraphException> {

    private static final Logger LOG = Logger.getLogger(DatagraphExceptionMapper.class.getName());

    @Override
    public Response toResponse(DatagraphException e) {
        Response.Status status;
        if (e instanceof LimitExceededException limit) {
            return switch (limit.limit()) {
                case PROCESSORS_PER_FLOW -> Problem.response(422, "Unprocessable Content", e.getMessage());
                // not the client's fault and not for long: a run ending frees a place
                case CONCURRENT_RUNS -> Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS,
                        e.getMessage() + "; retry once a run ends")).header("Retry-After", 1).build();
                case VALUES_PER_INPUT, VALUE_BYTES, RESULT_BYTES ->
                        Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
            };
        }
        if (e instanceof FlowResolutionException || e instanceof IdempotencyConflictException) {
            return Problem.response(422, "Unprocessable Content", e.getMessage());
        } else if (e instanceof UnknownRunException || e instanceof UnknownStreamException) {
            status = Response.Status.NOT_FOUND;
        } else if (e instanceof InputClosedException || e instanceof FlowFailedException
                || e instanceof RunCancelledException || e instanceof io.datagraph.RestartRefusedException) {
            status = Response.Status.CONFLICT;
        } else if (e instanceof StoreUnavailableException) {
            status = Response.Status.SERVICE_UNAVAILABLE;
        } else {
            LOG.log(Level.WARNING, "request failed", e);
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        return Problem.response(status, e.getMessage());
    }
}
