package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The processor WAR alone on a second server (WildFly, started by the test) sharing the store of the
 * server the EAR runs on: its processor appears in the EAR's {@code GET /processors} and runs there when
 * a flow is started on the EAR's API. The second server is configured server-wide to serve no processor;
 * the WAR's own configuration (above the server's, as the archetype sets it up) says {@code greet}, and
 * wins.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class SecondServerIT {

    private static SecondServer second;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void startTheSecondServerWithTheWar() throws Exception {
        second = SecondServer.start(Map.of(
                "datagraph.redis.url", TestStore.server().url(),
                "datagraph.node.id", "second-server",
                "datagraph.processors.enabled", "none-server-wide"));
        Path war = ProcessorWar.export(ProcessorWar.configured("datagraph.processors.enabled=greet"),
                Files.createTempDirectory(Path.of("target").toAbsolutePath(), "war-").resolve("acme-processors.war"));
        second.deploy(war);
        // the other server's engine publishes its processors with its first heartbeat
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!processors().contains("greet") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static Set<String> processors() {
        return Api.parse(Api.get("/processors", "application/json").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).map(p -> p.getString("name")).collect(Collectors.toSet());
    }

    @AfterAll
    static void stopTheSecondServer() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theProcessorOfTheOtherServerIsListedHere() {
        Set<String> names = processors();
        assertTrue(names.containsAll(Set.of("greet", "multiply")), names.toString());
    }

    @Test
    void aFlowStartedHereRunsTheProcessorThere() {
        String id = Api.start("{\"processors\":[\"greet\"],\"inputs\":{\"names\":[\"Grace\"]}}");
        HttpResponse<String> greetings = Api.get("/flows/" + id + "/outputs/greetings", "application/json");
        assertEquals(200, greetings.statusCode(), greetings.body());
        assertEquals(List.of("Hello, Grace!"), ProcessorWarIT.strings(greetings.body()));
    }
}
