package io.datagraph.it;

import io.datagraph.testing.Await;
import io.datagraph.test.TestStore;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Idempotency-Key} on starts and appends: a client may repeat either, after a lost reply or
 * concurrently, and the work is done once.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class IdempotencyIT {

    private static final String MULTIPLY = "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}";
    private static final String OPEN_SUM = "{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpRequest.Builder post(String path, String body, String key) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static long countOf(String runId, String stream) {
        JsonObject state = Api.json(Api.get("/flows/" + runId, "application/json"));
        return state.getJsonArray("ios").getValuesAs(JsonObject.class).stream()
                .filter(io -> io.getString("name").equals(stream)).findFirst().orElseThrow()
                .getJsonNumber("count").longValue();
    }

    @Test
    void aRepeatedStartIs200WithTheRunsStateAndTheSameLocation() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = Api.send(post("/flows", MULTIPLY, key));
        HttpResponse<String> again = Api.send(post("/flows", MULTIPLY, key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        String location = first.headers().firstValue("Location").orElseThrow();
        assertEquals(location, again.headers().firstValue("Location").orElseThrow());
        assertEquals(Api.json(first).getString("id"), Api.json(again).getString("id"));
        assertTrue(Api.json(again).containsKey("status"), again.body());
    }

    @Test
    void concurrentStartsWithOneKeyStartOneRun() throws Exception {
        String key = UUID.randomUUID().toString();
        // threads of their own: the common pool has one thread on a 2-core machine
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CyclicBarrier together = new CyclicBarrier(8);
        List<Future<HttpResponse<String>>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(callers.submit(() -> {
                together.await();
                return Api.send(post("/flows", MULTIPLY, key));
            }));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> start : starts) {
            answers.add(start.get());
        }
        callers.shutdown();
        assertEquals(1, answers.stream().filter(answer -> answer.statusCode() == 201).count(), answers.toString());
        assertEquals(7, answers.stream().filter(answer -> answer.statusCode() == 200).count(), answers.toString());
        assertEquals(1, answers.stream().map(answer -> answer.headers().firstValue("Location").orElseThrow())
                .distinct().count());
    }

    @Test
    void theKeyWithADifferentBodyIs422NamingWhatDiffers() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, Api.send(post("/flows", MULTIPLY, key)).statusCode());
        HttpResponse<String> other = Api.send(post("/flows", MULTIPLY.replace("[3]", "[4]"), key));
        assertEquals(422, other.statusCode(), other.body());
        assertEquals("application/problem+json", other.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(Api.json(other).getString("detail").contains("the input values"), other.body());
    }

    @Test
    void aRefusedStartBindsNoKey() {
        String key = UUID.randomUUID().toString();
        assertEquals(422, Api.send(post("/flows", "{\"processors\":[\"nosuchprocessor\"]}", key)).statusCode());
        assertEquals(201, Api.send(post("/flows", MULTIPLY, key)).statusCode());
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIs400() {
        HttpResponse<String> answer = Api.send(post("/flows", MULTIPLY, "k".repeat(300)));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(Api.json(answer).getString("detail").contains("Idempotency-Key"), answer.body());
    }

    @Test
    void anAppendRepeatedWithItsKeyAppendsOnceAlsoAfterTheInputWasCompleted() {
        String id = Api.start(OPEN_SUM);
        assertEquals(204, Api.send(post("/flows/" + id + "/inputs/numbers", "[1,2,3]", "a")).statusCode());
        assertEquals(204, Api.send(post("/flows/" + id + "/inputs/numbers", "[1,2,3]", "a")).statusCode());
        assertEquals(204, Api.post("/flows/" + id + "/inputs/numbers/complete", "").statusCode());
        assertEquals(204, Api.send(post("/flows/" + id + "/inputs/numbers", "[1,2,3]", "a")).statusCode());
        assertEquals("[14]", Api.get("/flows/" + id + "/outputs/total", "application/json").body());
    }

    @Test
    void anAppendWhoseReplyWasLostIsRepeatedSafelyWithItsKeyAndNotWithout() throws Exception {
        String id = Api.start(OPEN_SUM);
        appendAndHangUp(id, "[1,2,3]", "lost");
        Await.until(() -> countOf(id, "numbers") == 3, Duration.ofSeconds(30), "the first append never landed");
        assertEquals(204, Api.send(post("/flows/" + id + "/inputs/numbers", "[1,2,3]", "lost")).statusCode());
        assertEquals(3, countOf(id, "numbers"));
        // the same, keyless: the repeat appends again, which is what the key prevents
        appendAndHangUp(id, "[4]", null);
        Await.until(() -> countOf(id, "numbers") == 4, Duration.ofSeconds(30), "the keyless append never landed");
        assertEquals(204, Api.post("/flows/" + id + "/inputs/numbers", "[4]").statusCode());
        assertEquals(5, countOf(id, "numbers"));
        Api.post("/flows/" + id + "/inputs/numbers/complete", "");
        assertEquals("[46]", Api.get("/flows/" + id + "/outputs/total", "application/json").body());
    }

    /** Sends an append on a connection of its own and closes it without reading the reply: a client whose reply is lost. */
    private static void appendAndHangUp(String runId, String values, String key) throws IOException {
        URI uri = URI.create(Api.BASE + "/flows/" + runId + "/inputs/numbers");
        byte[] body = values.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
        if (key != null) {
            head.append("Idempotency-Key: ").append(key).append("\r\n");
        }
        if (Api.authorization != null) {
            head.append("Authorization: ").append(Api.authorization).append("\r\n");
        }
        try (Socket socket = new Socket(uri.getHost(), uri.getPort()); OutputStream out = socket.getOutputStream()) {
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
    }
}
