package io.datagraph.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A request the API cannot take as sent: its answer is a problem document with the given status. */
public class BadRequestProblem extends WebApplicationException {

    public BadRequestProblem(Response.Status status, String detail) {
        super(detail, Problem.response(status, detail));
    }

    /** 400: the body is not what the endpoint takes. */
    public static BadRequestProblem malformed(String detail) {
        return new BadRequestProblem(Response.Status.BAD_REQUEST, detail);
    }
}
