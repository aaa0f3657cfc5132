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

/**
 * The EAR on a WildFly without telemetry (no OpenTelemetry API for deployments): it deploys and runs
 * flows, untraced. The test starts that server from the build's, its telemetry subsystems removed.
 */
@ExtendWith(TestStore.class)
class TelemetryAbsentIT {

    @Test
    void theEarRunsFlowsOnAServerWithoutTelemetry() throws Exception {
        try (SecondServer server = SecondServer.start(Map.of("datagraph.redis.url", TestStore.server().url()), true)) {
            server.deploy(Path.of(System.getProperty("datagraph.it.ear", "target/datagraph-ear.ear")));
            String api = server.http() + "/datagraph/api";
            HttpResponse<String> started = Api.sendIsolated(HttpRequest.newBuilder(URI.create(api + "/flows"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}")).build());
            assertEquals(201, started.statusCode(), started.body());
            HttpResponse<String> bar = Api.sendIsolated(HttpRequest.newBuilder(URI.create(api + "/flows/"
                    + Api.json(started).getString("id") + "/outputs/bar")).header("Accept", "application/json").GET().build());
            assertEquals("[0,2,4]", bar.body().replace(" ", ""));
        }
    }
}
