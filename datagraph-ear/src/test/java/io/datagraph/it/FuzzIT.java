package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends thousands of generated malformed or hostile requests to every endpoint and checks that the
 * API holds: no answer is a server error, every error is a problem document, no run is left stuck,
 * and no request that was refused left a key in the store. {@code -Ddatagraph.fuzz.seed} replays a
 * run, {@code -Ddatagraph.fuzz.requests} sets how many.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
public class FuzzIT {

    private static final long SEED = Long.getLong("datagraph.fuzz.seed", 20261126L);
    private static final int REQUESTS = Integer.getInteger("datagraph.fuzz.requests", 3000);
    private static final String OPEN_RUN = "{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}";
    private static final List<String> ACCEPTS = List.of("application/json", "text/event-stream", "text/vnd.mermaid",
            "image/svg+xml", "text/vnd.graphviz", "text/plain", "*/*", "application/xml", "x/y;q=abc");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final HostileInput hostile = new HostileInput(SEED);
    private final List<String> problems = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> accepted = new ArrayList<>();
    /** Values accepted by appends, per open run. */
    private final Map<String, Long> appended = new LinkedHashMap<>();
    private String openRun;

    @Test
    void hostileRequestsNeverBreakTheApiNorLeaveAnythingBehind() throws IOException, InterruptedException {
        Set<String> keysBefore = new HashSet<>(TestStore.server().keys());
        historyEntries().forEach(runId -> keysBefore.add("history " + runId));
        openRun = startOpenRun();
        for (int i = 0; i < REQUESTS; i++) {
            sendOne(i);
        }
        System.out.printf("fuzz: %d requests (seed %d), answers by status %s, %d runs accepted%n",
                REQUESTS, SEED, statuses, accepted.size());
        assertTrue(problems.isEmpty(), problems.size() + " bad answers, first: " + problems.subList(0,
                Math.min(10, problems.size())));

        for (String id : accepted) {
            Api.delete("/flows/" + id);
        }
        appended.keySet().forEach(id -> Api.delete("/flows/" + id));
        assertNoProcessorLeftRunning();
        for (String id : accepted) {
            String status = Api.json(Api.get("/flows/" + id, "application/json")).getString("status");
            assertTrue(!status.equals("RUNNING"), "run " + id + " is still running after its cancellation");
        }
        assertRefusedAppendsWroteNothing();
        assertRefusedRequestsLeftNoKey(keysBefore);
    }

    private void sendOne(int i) {
        int roll = hostile.nextInt(100);
        if (roll < 35) {
            started(post("/flows", hostile.startBody(), "application/json"));
        } else if (roll < 50) {
            byte[] body = hostile.startBody();
            check(send(HttpRequest.newBuilder(uri("/graph")).header("Accept", hostile.pick(ACCEPTS))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)), body));
        } else if (roll < 70) {
            append();
        } else if (roll < 74) {
            check(send(HttpRequest.newBuilder(uri("/flows/" + segment(runId()) + "/inputs/"
                    + segment(hostile.name(HostileInput.STREAMS)) + "/complete")).POST(HttpRequest.BodyPublishers.noBody()), null));
        } else if (roll < 80) {
            check(send(HttpRequest.newBuilder(uri("/flows/" + segment(foreignId()))).GET(), null));
        } else if (roll < 86) {
            check(send(HttpRequest.newBuilder(uri("/flows/" + segment(foreignId()) + "/outputs/"
                    + segment(hostile.name(HostileInput.STREAMS)))).header("Accept", hostile.pick(ACCEPTS)).GET(), null));
        } else if (roll < 89) {
            check(send(HttpRequest.newBuilder(uri("/flows/" + segment(foreignId()) + "/graph"))
                    .header("Accept", hostile.pick(ACCEPTS)).GET(), null));
        } else if (roll < 92) {
            check(send(HttpRequest.newBuilder(uri("/flows/" + segment(foreignId()))).DELETE(), null));
        } else if (roll < 96) {
            check(send(HttpRequest.newBuilder(uri("/flows?limit="
                    + segment(hostile.pick(List.of("-1", "0", "99999999999", "abc", "1e3", "", "%00", "20"))))).GET(), null));
        } else if (roll < 98) {
            started(post("/flows", hostile.startBody(), hostile.pick(List.of("text/plain", "application/xml",
                    "application/json; charset=ISO-8859-1", "multipart/form-data", "application/x-www-form-urlencoded"))));
        } else {
            check(send(HttpRequest.newBuilder(uri("/processors")).header("Accept", hostile.pick(ACCEPTS)).GET(), null));
        }
    }

    /** Appends hostile values to the open run; a run that failed on them is replaced by a new one. */
    private void append() {
        String io = hostile.nextInt(4) == 0 ? hostile.name(HostileInput.STREAMS) : "numbers";
        byte[] body = hostile.valuesBody();
        HttpResponse<String> response = check(send(HttpRequest.newBuilder(uri("/flows/" + openRun
                + "/inputs/" + segment(io))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), body));
        if (response == null) {
            return;
        }
        if (response.statusCode() == 204) {
            appended.merge(openRun, (long) Api.parse(new String(body, StandardCharsets.UTF_8)).asJsonArray().size(), Long::sum);
        } else if (response.statusCode() == 409 && io.equals("numbers")) {
            openRun = startOpenRun();
        }
    }

    private String startOpenRun() {
        String id = Api.start(OPEN_RUN);
        appended.put(id, 0L);
        return id;
    }

    /** A run id: hostile mostly, sometimes the open run's. */
    private String runId() {
        return hostile.nextInt(5) == 0 ? openRun : foreignId();
    }

    private String foreignId() {
        return hostile.nextInt(10) == 0 ? "00000000-0000-0000-0000-000000000000" : hostile.name(List.of("x"));
    }

    private void started(HttpResponse<String> response) {
        check(response);
        if (response == null) {
            return;
        }
        if (response.statusCode() == 201) {
            accepted.add(Api.json(response).getString("id"));
        } else if (response.statusCode() == 429) {
            // the runs the fuzzer started fill the concurrent-runs limit: free it
            accepted.forEach(id -> Api.delete("/flows/" + id));
        }
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), body);
    }

    /** An Authorization header to send instead of the test's own, or null: none on a server without access control. */
    protected String hostileAuthorization(HostileInput hostile) {
        return null;
    }

    /** The answer, or null (recorded as a problem) when the server closed the connection without one. */
    private HttpResponse<String> send(HttpRequest.Builder builder, byte[] body) {
        String authorization = hostileAuthorization(hostile);
        if (authorization != null) {
            builder.setHeader("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        try {
            if (authorization != null) {
                return Api.sendIsolated(HttpRequest.newBuilder(request, (name, value) -> true)
                        .timeout(Duration.ofSeconds(10)).build());
            }
            return Api.send(HttpRequest.newBuilder(request, (name, value) -> true), Duration.ofSeconds(10));
        } catch (java.io.UncheckedIOException e) {
            String problem = "no answer (" + e.getMessage() + ") to " + request.method() + " " + request.uri() + " "
                    + request.headers().map() + (body == null ? "" : " with " + body.length + " bytes: "
                    + abbreviated(new String(body, StandardCharsets.UTF_8)));
            System.out.println("fuzz: " + problem);
            problems.add(problem);
            return null;
        }
    }

    /** Counts the answer and records it if it is a server error, or an error that is not a problem document. */
    private HttpResponse<String> check(HttpResponse<String> response) {
        if (response == null) {
            return null;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String request = response.request().method() + " " + response.request().uri();
        if (status >= 500) {
            problems.add(status + " for " + abbreviated(request) + ": " + abbreviated(response.body()));
        } else if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && !refusedByTheServer(response.request().uri()) && status != 431) {
            // 431: headers too large for the server itself (an oversized Authorization): no application saw it
            problems.add(status + " without a problem document for " + abbreviated(request) + ": "
                    + response.headers().firstValue("Content-Type"));
        }
        return response;
    }

    /**
     * Whether the server itself refuses the URL before any application sees it, so the answer cannot
     * be the API's: Payara answers 400 or 404 of its own to an encoded NUL or backslash, or a dot
     * segment that climbs out of the application. WildFly hands those to the application, whose
     * answers are checked like any other.
     */
    private static boolean refusedByTheServer(URI uri) {
        if (!"payara".equals(System.getProperty("datagraph.it.server"))) {
            return false;
        }
        String path = uri.getRawPath().toUpperCase(java.util.Locale.ROOT);
        return path.contains("%00") || path.contains("%5C") || path.contains("%2F") || path.endsWith("/.")
                || path.endsWith("/..") || path.contains("/./") || path.contains("/../");
    }

    private void assertNoProcessorLeftRunning() throws InterruptedException {
        String running = "";
        for (int i = 0; i < 120; i++) {
            JsonObject live = Api.json(Api.health("live"));
            running = live.getJsonArray("checks").stream().map(check -> check.asJsonObject())
                    .filter(check -> check.getString("name").equals("datagraph-engine"))
                    .map(check -> check.getJsonObject("data").get("processorsRunning").toString().replace("\"", ""))
                    .findFirst().orElse("?");
            if (running.equals("0")) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals("0", running, "processors still running 30 s after every fuzzed run was cancelled");
    }

    /** Each open run's input holds exactly the values of the appends that were accepted. */
    private void assertRefusedAppendsWroteNothing() {
        appended.forEach((id, values) -> {
            JsonObject numbers = Api.json(Api.get("/flows/" + id, "application/json")).getJsonArray("ios").stream()
                    .map(io -> io.asJsonObject()).filter(io -> io.getString("name").equals("numbers")).findFirst()
                    .orElseThrow();
            assertEquals((long) values, numbers.getJsonNumber("count").longValue(),
                    "values in the open input of run " + id + " against values accepted by appends");
        });
    }

    /** Every key the store holds now existed before, or belongs to a run the API accepted. */
    private void assertRefusedRequestsLeftNoKey(Set<String> before) throws IOException {
        Set<String> runs = new HashSet<>(accepted);
        runs.addAll(appended.keySet());
        List<String> left = new ArrayList<>();
        for (String key : TestStore.server().keys()) {
            boolean ofAcceptedRun = runs.stream().anyMatch(id -> key.contains("{" + id + "}"));
            // the installation's indexes of runs ({runs}: running, history) hold the accepted runs
            if (!before.contains(key) && !ofAcceptedRun && !key.startsWith("dg:{runs}:")) {
                left.add(key);
            }
        }
        for (String runId : historyEntries()) {
            if (!runs.contains(runId) && !before.contains("history " + runId)) {
                left.add("the history's entry of run " + runId);
            }
        }
        assertTrue(left.isEmpty(), "keys left by refused requests: " + left);
    }

    /** The ids of the runs the history holds (the fields of its summaries, from a raw RESP reply). */
    private static List<String> historyEntries() throws IOException {
        return TestStore.server().command("HKEYS", "dg:{runs}:history:runs").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("*") && !line.startsWith("$")).toList();
    }

    private static URI uri(String path) {
        return URI.create(Api.BASE + path);
    }

    /** A path segment carrying any text, percent-encoded. */
    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
