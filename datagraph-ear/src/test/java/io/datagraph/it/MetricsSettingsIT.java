package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics page's own settings, each on a WildFly the test starts with it: switched off, it answers
 * 404 saying why; open, it needs no credentials although the API does.
 */
@ExtendWith(TestStore.class)
class MetricsSettingsIT {

    private static HttpResponse<String> get(SecondServer server, String path) {
        return Api.sendIsolated(HttpRequest.newBuilder(URI.create(server.http() + path)).GET().build());
    }

    @Test
    void openMetricsNeedNoCredentialsWhileTheApiDoes() throws Exception {
        try (SecondServer server = SecondServer.start(Map.of("datagraph.redis.url", TestStore.server().url(),
                "datagraph.rest.security.enabled", "true", "datagraph.metrics.open", "true"))) {
            server.deploy(Path.of(System.getProperty("datagraph.it.ear", "target/datagraph-ear.ear")));
            assertEquals(401, get(server, "/datagraph/api/processors").statusCode(), "access control is on");
            HttpResponse<String> page = get(server, "/datagraph/metrics");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("# TYPE datagraph_runs_started_total counter"), page.body());
        }
    }

    @Test
    void switchedOffMetricsAnswer404SayingWhich() throws Exception {
        try (SecondServer server = SecondServer.start(Map.of("datagraph.redis.url", TestStore.server().url(),
                "datagraph.metrics.enabled", "false"))) {
            server.deploy(Path.of(System.getProperty("datagraph.it.ear", "target/datagraph-ear.ear")));
            HttpResponse<String> page = get(server, "/datagraph/metrics");
            assertEquals(404, page.statusCode(), page.body());
            assertTrue(page.body().contains("datagraph.metrics.enabled=false"), page.body());
        }
    }
}
