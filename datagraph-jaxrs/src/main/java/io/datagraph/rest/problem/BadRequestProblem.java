package io.datagraph.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A request the API refuses with a status other than 400 (e.g. 413): its answer is a problem document. */
public class BadRequestProblem extends WebApplicationException {

    public BadRequestProblem(Response.Status status, String detail) {
        super(detail, Problem.response(status, detail));
    }
}
