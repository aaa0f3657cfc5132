package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every call of the REST contract against the EAR on the application server, and each bad request. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class RestApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Api.json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains(detailPart), problem.toString());
    }

    @Test
    void startAnswers201WithLocationAndTheFinalOutputsUrls() {
        HttpResponse<String> response = Api.post("/flows", "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[5]}}");
        assertEquals(201, response.statusCode(), response.body());
        JsonObject body = Api.json(response);
        String id = body.getString("id");
        assertEquals(Api.BASE + "/flows/" + id, response.headers().firstValue("Location").orElseThrow());
        assertEquals(Api.BASE + "/flows/" + id + "/outputs/bar", body.getJsonObject("outputs").getString("bar"));
        assertTrue(List.of("RUNNING", "COMPLETED").contains(body.getString("status")));
    }

    @Test
    void jsonOutputWaitsForCompletionAndAnswersEveryValue() {
        String id = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[5]}}");
        HttpResponse<String> response = Api.get("/flows/" + id + "/outputs/bar", "application/json");
        assertEquals(200, response.statusCode());
        assertEquals("[0,2,4,6,8]", response.body());
    }

    @Test
    void runStateListsProcessorsStatusAndEveryStreamsCount() {
        String id = Api.start("{\"processors\":[\"foo\",\"bar\"],\"inputs\":{\"a\":[5]}}");
        Api.get("/flows/" + id + "/outputs/d", "application/json");
        JsonObject state = Api.json(Api.get("/flows/" + id, "application/json"));
        assertEquals("COMPLETED", state.getString("status"));
        assertEquals(List.of("foo", "bar"), state.getJsonArray("processors").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject c = state.getJsonArray("ios").getValuesAs(JsonObject.class).stream()
                .filter(io -> io.getString("name").equals("c")).findFirst().orElseThrow();
        assertEquals(5, c.getInt("count"));
        assertTrue(c.getBoolean("complete"));
    }

    @Test
    void allOutputsAreListedWhenAsked() {
        JsonObject body = Api.json(Api.post("/flows", "{\"processors\":[\"first\",\"second\"],\"outputs\":\"all\"}"));
        assertEquals(List.of("a", "b"), List.copyOf(body.getJsonObject("outputs").keySet()));
        assertEquals("[45]", Api.get("/flows/" + body.getString("id") + "/outputs/b", "application/json").body());
    }

    @Test
    void namedFlowStartsByName() {
        String id = Api.start("{\"flow\":\"squares\",\"inputs\":{\"count\":[10]}}");
        assertEquals("[285]", Api.get("/flows/" + id + "/outputs/total", "application/json").body());
    }

    @Test
    void processorsListsTheExamplesWithTheirStreams() {
        JsonArray processors = (JsonArray) Api.parse(Api.get("/processors", "application/json").body());
        JsonObject second = processors.getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals("second")).findFirst().orElseThrow();
        assertEquals("{\"name\":\"second\",\"inputs\":[\"a\"],\"outputs\":[\"b\"],\"wait\":true}", second.toString());
    }

    @Test
    void deleteCancelsARunningRun() {
        String id = Api.start("{\"processors\":[\"producer\"],\"inputs\":{\"input\":[100000]}}");
        assertEquals(204, Api.delete("/flows/" + id).statusCode());
        assertEquals("CANCELLED", Api.json(Api.get("/flows/" + id, "application/json")).getString("status"));
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(Api.post("/flows", "{\"processors\":[\"multiply\""), 400, "malformed JSON");
    }

    @Test
    void bodyOfTheWrongShapeIs400() {
        assertProblem(Api.post("/flows", "[1,2]"), 400, "JSON object");
        assertProblem(Api.post("/flows", "null"), 400, "JSON object or array");
        assertProblem(Api.post("/flows", ""), 400, "needs a JSON body");
        assertProblem(Api.post("/flows", "{\"processors\":\"multiply\"}"), 400, "array of strings");
        assertProblem(Api.post("/flows", "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":5}}"), 400, "array of values");
        assertProblem(Api.post("/flows", "{\"processors\":[\"multiply\"],\"outputs\":\"some\"}"), 400, "\"final\", \"all\" or \"terminal\"");
        assertProblem(Api.post("/flows", "{\"processors\":[\"multiply\"],\"extra\":1}"), 400, "unknown field");
    }

    @Test
    void flowThatDoesNotResolveIs422NamingWhy() {
        assertProblem(Api.post("/flows", "{\"processors\":[\"nosuch\"]}"), 422, "'nosuch'");
        assertProblem(Api.post("/flows", "{\"processors\":[\"first\",\"foo\",\"second\"]}"), 422, "'b'");
        assertProblem(Api.post("/flows", "{\"processors\":[\"multiply\"]}"), 422, "foo");
        assertProblem(Api.post("/flows", "{\"flow\":\"nosuchflow\"}"), 422, "nosuchflow");
    }

    @Test
    void unknownRunOrStreamIs404() {
        assertProblem(Api.get("/flows/nosuchrun", "application/json"), 404, "nosuchrun");
        String id = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[1]}}");
        assertProblem(Api.get("/flows/" + id + "/outputs/nosuch", "application/json"), 404, "'nosuch'");
        assertProblem(Api.delete("/flows/nosuchrun"), 404, "nosuchrun");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[\"" + "x".repeat(70_000) + "\"]}}";
        assertProblem(Api.post("/flows", big), 413, "bytes");
    }

    @Test
    void inputOverTheValuesLimitIs413() {
        String values = String.join(",", java.util.Collections.nCopies(1001, "1"));
        assertProblem(Api.post("/flows", "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[" + values + "]}}"),
                413, "datagraph.limits.values-per-input");
    }

    @Test
    void startBeyondTheConcurrentRunsLimitIs429AndStartsNothing() {
        String open = "{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}";
        List<String> started = new ArrayList<>();
        try {
            HttpResponse<String> response = Api.post("/flows", open);
            // the test servers allow 20 runs at once; other tests may have left some running
            while (response.statusCode() == 201 && started.size() <= 20) {
                started.add(Api.json(response).getString("id"));
                response = Api.post("/flows", open);
            }
            String newest = Api.parse(Api.get("/flows?limit=1", "application/json").body()).asJsonArray()
                    .getJsonObject(0).getString("id");
            assertProblem(response, 429, "datagraph.limits.concurrent-runs");
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.headers().toString());
            assertEquals(started.get(started.size() - 1), newest, "the refused start must not be listed as a run");
        } finally {
            started.forEach(id -> Api.delete("/flows/" + id));
        }
        HttpResponse<String> again = Api.post("/flows", open);
        assertEquals(201, again.statusCode(), "cancelled runs free their places: " + again.body());
        Api.delete("/flows/" + Api.json(again).getString("id"));
    }

    @Test
    void answerGivenBeforeTheBodyIsReadReachesAClientStillSendingIt() {
        // the JDK client reads the answer only once its whole body is sent: the server must take the rest
        byte[] big = ("{\"processors\":[\"" + "x".repeat(300_000) + "\"]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String contentType : List.of("application/json", "application/xml")) {
            HttpResponse<String> response = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/flows"))
                    .header("Content-Type", contentType).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)),
                    java.time.Duration.ofSeconds(20));
            assertEquals(contentType.endsWith("json") ? 413 : 415, response.statusCode(), response.body());
        }
    }

    @Test
    void jsonNestedTooDeeplyIs400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertProblem(Api.post("/flows", deep), 400, "nested");
    }

    @Test
    void malformedAcceptHeaderIs400() {
        assertProblem(Api.get("/processors", "application/json;q=high"), 400, "Accept");
    }

    @Test
    void wrongContentTypeIs415AsAProblem() {
        var response = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/flows"))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(415, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void unknownPathAndWrongMethodAnswerProblems() {
        assertEquals(404, Api.get("/nothing-here", "application/json").statusCode());
        assertEquals("application/problem+json",
                Api.delete("/processors").headers().firstValue("Content-Type").orElse(""));
    }
}
