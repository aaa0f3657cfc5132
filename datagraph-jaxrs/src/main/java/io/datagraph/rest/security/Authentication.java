package io.datagraph.rest.security;

import io.datagraph.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;


/**
 * When {@link AccessPolicy#enabled()}, lets a call through only for an authenticated user in the
 * API's role (or the admin role). A user the server authenticated already (any mechanism it is
 * configured with) is taken as is; otherwise HTTP Basic credentials are checked against the
 * server's realm with {@link HttpServletRequest#login}, the portable way to reach it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {


    @Inject
    AccessPolicy policy;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!policy.enabled()) {
            return;
        }
        if (request.getUserPrincipal() == null && !login(context.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            context.abortWith(Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                            "this API requires a user of role '" + policy.role() + "': send HTTP Basic credentials"
                                    + " of a user in the server's realm"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, BasicLogin.CHALLENGE).build());
            return;
        }
        if (!request.isUserInRole(policy.role()) && !request.isUserInRole(policy.adminRole())) {
            context.abortWith(Problem.response(Response.Status.FORBIDDEN, "user '" + request.getUserPrincipal().getName()
                    + "' does not have the role '" + policy.role() + "' (datagraph.rest.security.role)"));
        }
    }

    private boolean login(String authorization) {
        return BasicLogin.login(request, authorization);
    }
}
