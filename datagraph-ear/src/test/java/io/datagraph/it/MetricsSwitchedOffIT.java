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

/** {@code datagraph.metrics.enabled=false}: the metrics page answers 404, saying why (a WildFly the test starts). */
@ExtendWith(TestStore.class)
class MetricsSwitchedOffIT {

    @Test
    void switchedOffMetricsAnswer404SayingWhich() throws Exception {
        try (SecondServer server = SecondServer.start(Map.of("datagraph.redis.url", TestStore.server().url(),
                "datagraph.metrics.enabled", "false"))) {
            server.deploy(Path.of(System.getProperty("datagraph.it.ear", "target/datagraph-ear.ear")));
            HttpResponse<String> page = Api.sendIsolated(HttpRequest.newBuilder(
                    URI.create(server.http() + "/datagraph/metrics")).GET().build());
            assertEquals(404, page.statusCode(), page.body());
            assertTrue(page.body().contains("datagraph.metrics.enabled=false"), page.body());
        }
    }
}
