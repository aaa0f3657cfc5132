package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graphs of runs and of flows, the metrics the live page uses, recent runs and the live feed. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class GraphIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String completedFooBar() {
        String id = Api.start("{\"processors\":[\"foo\",\"bar\"],\"inputs\":{\"a\":[5]}}");
        Api.get("/flows/" + id + "/outputs/d", "application/json");
        return id;
    }

    private static HttpResponse<String> postGraph(String body, String accept) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/graph")).header("Content-Type", "application/json")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void runGraphComesInTheFormatAcceptAsksFor() {
        String id = completedFooBar();
        HttpResponse<String> mermaid = Api.get("/flows/" + id + "/graph", "text/vnd.mermaid");
        assertEquals(200, mermaid.statusCode());
        assertTrue(mermaid.body().startsWith("flowchart LR") && mermaid.body().contains("c: 5"), mermaid.body());
        HttpResponse<String> svg = Api.get("/flows/" + id + "/graph", "image/svg+xml");
        assertTrue(svg.body().startsWith("<svg") && svg.body().contains("data-phase=\"DONE\""), svg.body());
        assertTrue(Api.get("/flows/" + id + "/graph", "text/vnd.graphviz").body().startsWith("digraph flow {"));
        assertTrue(Api.get("/flows/" + id + "/graph", "text/plain").body().contains("foo [DONE]: a (1 ✓) → b (1 ✓), c (5 ✓)"));
    }

    @Test
    void flowGraphIsDrawnBeforeAnyRun() {
        HttpResponse<String> text = postGraph("{\"processors\":[\"first\",\"second\"]}", "text/plain");
        assertEquals(200, text.statusCode(), text.body());
        assertTrue(text.body().contains("partition 1 (starts when partition 0 is done)"), text.body());
        assertEquals(422, postGraph("{\"processors\":[\"nosuch\"]}", "image/svg+xml").statusCode());
    }

    @Test
    void runStateCarriesPhasesRatesAndEachReadersPosition() {
        JsonObject state = Api.json(Api.get("/flows/" + completedFooBar(), "application/json"));
        assertEquals("DONE", state.getJsonObject("phases").getString("bar"));
        JsonObject c = state.getJsonArray("ios").getValuesAs(JsonObject.class).stream()
                .filter(io -> io.getString("name").equals("c")).findFirst().orElseThrow();
        assertTrue(c.containsKey("rate"), c.toString());
        JsonObject bar = c.getJsonArray("readers").getJsonObject(0);
        assertEquals("bar", bar.getString("processor"));
        assertEquals(5, bar.getInt("read"));
        assertEquals(0, bar.getInt("backlog"));
    }

    @Test
    void startAnswerAndStateLinkToTheRunsLivePage() {
        JsonObject started = Api.json(Api.post("/flows", "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[1]}}"));
        String view = started.getString("view");
        assertTrue(view.endsWith("/datagraph/?run=" + started.getString("id")), view);
        assertEquals(200, Api.send(HttpRequest.newBuilder(URI.create(view)).GET()).statusCode());
    }

    @Test
    void recentRunsAreListedNewestFirst() {
        String older = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[1]}}");
        String newer = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[2]}}");
        JsonArray runs = (JsonArray) Api.parse(Api.get("/flows?limit=2", "application/json").body());
        assertEquals(List.of(newer, older), runs.getValuesAs(JsonObject.class).stream().map(r -> r.getString("id")).toList());
    }

    @Test
    void liveFeedSendsStatesWithTheGraphUntilTheRunEnds() {
        String id = Api.start("{\"processors\":[\"producer\",\"consumer\"],\"inputs\":{\"input\":[30]}}");
        List<Api.Event> states = Api.followPath("/flows/" + id + "/live");
        assertTrue(states.size() >= 2, "expected several updates, got " + states.size());
        JsonObject last = Api.parse(states.get(states.size() - 1).data()).asJsonObject();
        assertEquals("COMPLETED", last.getString("status"));
        assertTrue(last.getString("svg").startsWith("<svg"));
    }
}
