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
 * @param warmUpUrl       where the REST layer's deployment warm-up calls the API: {@link #WARM_UP_AUTO} (the
 *                        server's own HTTP listener, where the server says which it is), {@link #WARM_UP_NONE}
 *                        (no warm-up), or the API's base URL
 */
public record RestSettings(long maxBodyBytes, boolean securityEnabled, String role, String adminRole,
                           boolean runsShared, int sseClients, java.time.Duration sseSendTimeout,
                           boolean metricsEnabled, boolean metricsOpen, String warmUpUrl) {

    /** {@code datagraph.rest.warm-up-url}'s value for "find this server's own listener". */
    public static final String WARM_UP_AUTO = "auto";
    /** {@code datagraph.rest.warm-up-url}'s value for "do not warm the REST layer up". */
    public static final String WARM_UP_NONE = "none";

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
                in.bool("datagraph.metrics.open", false),
                warmUpUrl(in));
    }

    private static String warmUpUrl(ConfigReader in) {
        String key = "datagraph.rest.warm-up-url";
        String value = in.text(key, WARM_UP_AUTO);
        if (value.equals(WARM_UP_AUTO) || value.equals(WARM_UP_NONE)) {
            return value;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        in.problem(key, value, "it must be 'auto', 'none' or the API's http(s) URL, e.g. http://127.0.0.1:8080/datagraph/api");
        return WARM_UP_NONE;
    }
}
