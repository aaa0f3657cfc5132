package io.datagraph.rest.security;

import io.datagraph.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When {@link AccessPolicy#enabled()}, lets a call through only for an authenticated user in the
 * API's role (or the admin role). A user the server authenticated already (any mechanism it is
 * configured with) is taken as is; otherwise HTTP Basic credentials are checked against the
 * server's realm with {@link HttpServletRequest#login}, the portable way to reach it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());
    private static final String BASIC = "Basic ";

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
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"datagraph\", charset=\"UTF-8\"").build());
            return;
        }
        if (!request.isUserInRole(policy.role()) && !request.isUserInRole(policy.adminRole())) {
            context.abortWith(Problem.response(Response.Status.FORBIDDEN, "user '" + request.getUserPrincipal().getName()
                    + "' does not have the role '" + policy.role() + "' (datagraph.rest.security.role)"));
        }
    }

    /** @return whether Basic credentials were given and the realm accepted them */
    private boolean login(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            request.login(credentials.substring(0, colon), credentials.substring(colon + 1));
            return true;
        } catch (ServletException refused) {
            LOG.log(Level.FINE, "login refused", refused);
            return false;
        }
    }
}
