package io.datagraph.engine.config;

/**
 * The REST API's own settings ({@code datagraph.rest.*}, and {@code datagraph.metrics.*} for the metrics
 * page the same WAR serves), checked with the engine's at deployment.
 *
 * @param maxBodyBytes    largest request body taken (413 beyond)
 * @param securityEnabled whether callers must be authenticated and hold {@code role}
 * @param role            the role a caller needs to use the API
 * @param adminRole       the role that may see and change every run
 * @param runsShared      whether every caller with {@code role} may see every run (else only its own)
 * @param sseClients      most clients following streams (Server-Sent Events) at once, each on a sender thread
 * @param sseSendTimeout  how long a write to a client that does not read may stay blocked (its connection's
 *                        buffers full) before the client is given up and its sender thread freed
 * @param metricsEnabled  whether {@code /datagraph/metrics} serves this node's metrics (else 404)
 * @param metricsOpen     whether the metrics page needs no credentials while access control is on (else the
 *                        admin role)
 */
public record RestSettings(long maxBodyBytes, boolean securityEnabled, String role, String adminRole,
                           boolean runsShared, int sseClients, java.time.Duration sseSendTimeout,
                           boolean metricsEnabled, boolean metricsOpen) {

    static RestSettings read(ConfigReader in) {
        return new RestSettings(
                in.atLeast("datagraph.rest.max-body-bytes", 1L, 10_485_760L),
                in.bool("datagraph.rest.security.enabled", false),
                in.text("datagraph.rest.security.role", "datagraph"),
                in.text("datagraph.rest.security.admin-role", "datagraph-admin"),
                in.bool("datagraph.rest.security.runs-shared", false),
                in.atLeast("datagraph.rest.sse-clients", 1, 256),
                in.duration("datagraph.rest.sse-send-timeout", java.time.Duration.ofMillis(100), "PT60S"),
                in.bool("datagraph.metrics.enabled", true),
                in.bool("datagraph.metrics.open", false));
    }
}
