package io.datagraph.rest.metrics;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.health.EngineMetrics;
import io.datagraph.engine.metrics.PrometheusText;
import io.datagraph.rest.problem.Problem;
import io.datagraph.rest.security.AccessPolicy;
import io.datagraph.rest.security.BasicLogin;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /datagraph/metrics}: this node's metrics for Prometheus to scrape (text format 0.0.4). It
 * lies outside the API, so it checks access itself: with access control on, only the admin role, unless
 * {@code datagraph.metrics.open}; {@code datagraph.metrics.enabled=false} answers 404. A servlet rather
 * than a resource, so that the API's OpenAPI document stays the API's.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    EngineMetrics metrics;

    @Inject
    EngineConfig config;

    @Inject
    AccessPolicy policy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!config.rest().metricsEnabled()) {
            problem(response, HttpServletResponse.SC_NOT_FOUND, "Not Found",
                    "metrics are switched off on this node (datagraph.metrics.enabled=false)");
            return;
        }
        if (policy.enabled() && !config.rest().metricsOpen()) {
            if (request.getUserPrincipal() == null && !BasicLogin.login(request, request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", BasicLogin.CHALLENGE);
                problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "the metrics need a user of role '"
                        + policy.adminRole() + "': send HTTP Basic credentials of a user in the server's realm, or set"
                        + " datagraph.metrics.open=true");
                return;
            }
            if (!request.isUserInRole(policy.adminRole())) {
                problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "user '"
                        + request.getUserPrincipal().getName() + "' does not have the role '" + policy.adminRole()
                        + "' (datagraph.rest.security.admin-role) the metrics need");
                return;
            }
        }
        byte[] page = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(Problem.json(status, title, detail).getBytes(StandardCharsets.UTF_8));
    }
}
