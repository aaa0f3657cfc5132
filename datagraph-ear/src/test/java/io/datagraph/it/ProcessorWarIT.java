package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A processor WAR made from the archetype, deployed beside the Datagraph EAR in the same server: two
 * engines in one JVM, each with its own node identity and processors, and flows started on the EAR's API
 * run the WAR's processor.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class ProcessorWarIT {

    @Deployment(name = "datagraph", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Deployment(name = "processors", order = 2, testable = false)
    static WebArchive processors() {
        return ProcessorWar.asBuilt();
    }

    @Test
    void theWarsProcessorRunsFromTheApiOfTheEar() {
        String id = Api.start("{\"processors\":[\"greet\"],\"inputs\":{\"names\":[\"Ada\",\"Linus\"]}}");
        HttpResponse<String> greetings = Api.get("/flows/" + id + "/outputs/greetings", "application/json");
        assertEquals(200, greetings.statusCode(), greetings.body());
        assertEquals(List.of("Hello, Ada!", "Hello, Linus!"), strings(greetings.body()));
    }

    static List<String> strings(String jsonArray) {
        return Api.parse(jsonArray).asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    @Test
    void theApiListsTheProcessorsOfBothDeployments() {
        JsonArray processors = Api.parse(Api.get("/processors", "application/json").body()).asJsonArray();
        Set<String> names = processors.stream().map(p -> p.asJsonObject().getString("name")).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("greet", "multiply")), names.toString());
    }

    @Test
    void eachEngineHasANodeIdentityOfItsOwn() {
        HttpResponse<String> live = Api.health("live");
        assertEquals(200, live.statusCode(), live.body());
        List<String> nodes = Api.json(live).asJsonObject().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("datagraph-engine"))
                .map(check -> check.getJsonObject("data").getString("node"))
                .toList();
        assertEquals(2, nodes.size(), "one engine check per deployment: " + live.body());
        assertEquals(2, Set.copyOf(nodes).size(), "two engines, two node ids: " + nodes);
    }
}
