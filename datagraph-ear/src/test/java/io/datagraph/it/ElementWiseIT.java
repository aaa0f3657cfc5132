package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The element-wise example {@code enrich} over REST: per-run workers and retries, dead letters. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class ElementWiseIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void enrichGivesEveryResultOnceAndDeadLettersTheNegativeItems() {
        String id = Api.start("{\"processors\":[\"enrich\"],\"inputs\":{\"items\":[1,2,3,7,14,-5]},"
                + "\"concurrency\":{\"enrich\":32},\"retries\":{\"enrich\":5}}");
        JsonArray enriched = Api.parse(Api.get("/flows/" + id + "/outputs/enriched", "application/json").body())
                .asJsonArray();
        assertEquals(List.of(10, 20, 30, 70, 140), enriched.getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::intValue).sorted().toList());
        JsonObject state = Api.json(Api.get("/flows/" + id, "application/json"));
        assertEquals(1, state.getInt("deadLetters"));
        JsonArray dead = Api.parse(Api.get("/flows/" + id + "/dead-letters", "application/json").body()).asJsonArray();
        JsonObject letter = dead.getJsonObject(0);
        assertEquals("enrich", letter.getString("processor"));
        assertEquals(-5, letter.getInt("value"));
        assertEquals("IllegalArgumentException: negative item -5", letter.getString("error"));
        assertEquals(6, letter.getInt("attempts"), "retries 5 asked for this run: 6 calls");
        assertTrue(letter.getString("time").endsWith("Z"), letter.getString("time"));
        assertTrue(!letter.getString("node").isBlank());
    }

    @Test
    void deadLettersFollowedAsServerSentEventsEndWithComplete() {
        String id = Api.start("{\"processors\":[\"enrich\"],\"inputs\":{\"items\":[-1,2,-3]},\"retries\":{\"enrich\":0}}");
        List<Api.Event> events = Api.followPath("/flows/" + id + "/dead-letters");
        assertEquals("complete", events.get(events.size() - 1).name());
        List<Integer> values = events.stream().filter(e -> e.name().equals("message"))
                .map(e -> Api.parse(e.data()).asJsonObject().getInt("value")).sorted().toList();
        assertEquals(List.of(-3, -1), values);
        JsonObject state = Api.json(Api.get("/flows/" + id, "application/json"));
        assertEquals(2, state.getJsonObject("deadLettersByProcessor").getInt("enrich"));
    }

    @Test
    void concurrencyForAStreamProcessorIs400() {
        var response = Api.post("/flows", "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[1]},"
                + "\"concurrency\":{\"multiply\":4}}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("element-wise"), response.body());
    }

    @Test
    void aBadConcurrencyIs400() {
        var response = Api.post("/flows", "{\"processors\":[\"enrich\"],\"inputs\":{\"items\":[1]},"
                + "\"concurrency\":{\"enrich\":0}}");
        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void manyItemsGoThroughTheSharedWorkers() {
        String items = IntStream.range(1, 201).filter(i -> i % 7 != 0).mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        String id = Api.start("{\"processors\":[\"enrich\"],\"inputs\":{\"items\":[" + items + "]}}");
        JsonArray enriched = Api.parse(Api.get("/flows/" + id + "/outputs/enriched", "application/json").body())
                .asJsonArray();
        assertEquals(IntStream.range(1, 201).filter(i -> i % 7 != 0).map(i -> i * 10).boxed().toList(),
                enriched.getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue)
                        .sorted().toList());
        assertEquals(0, Api.json(Api.get("/flows/" + id, "application/json")).getInt("deadLetters"));
    }
}
