package io.datagraph.rest.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 400 to an {@code Accept} header that does not parse, before content negotiation: left to
 * the JAX-RS runtime, such a header fails the request as a server error (RESTEasy) instead of the
 * client's.
 */
@Provider
@PreMatching
public class MalformedAcceptFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (String accept : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, java.util.List.of())) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !parses(range.trim())) {
                    request.abortWith(Problem.response(Response.Status.BAD_REQUEST, "malformed Accept header: '"
                            + range.trim() + "' is not a media range with an optional q between 0 and 1"));
                    return;
                }
            }
        }
    }

    private static boolean parses(String range) {
        try {
            String quality = MediaType.valueOf(range).getParameters().get("q");
            if (quality == null) {
                return true;
            }
            double q = Double.parseDouble(quality);
            return q >= 0 && q <= 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
