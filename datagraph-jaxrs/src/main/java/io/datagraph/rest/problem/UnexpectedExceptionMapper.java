package io.datagraph.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unforeseen: logged with its stack, answered 500 as a problem document without internals. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        LOG.log(Level.SEVERE, "unexpected failure answering a request", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "unexpected " + e.getClass().getSimpleName() + "; the server log has the details");
    }
}
