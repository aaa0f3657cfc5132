package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outputs followed over Server-Sent Events. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class ServerSentEventsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static List<String> data(List<Api.Event> events) {
        return events.stream().filter(e -> e.name().equals("message")).map(Api.Event::data).toList();
    }

    @Test
    void eachValueIsAnEventWithItsPositionAndTheStreamEndsWithComplete() {
        String id = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[5]}}");
        List<Api.Event> events = Api.follow(id, "bar", null, Integer.MAX_VALUE);
        assertEquals(List.of("0", "2", "4", "6", "8"), data(events));
        events.subList(0, 5).forEach(e -> assertNotNull(e.id()));
        assertEquals("complete", events.get(events.size() - 1).name());
    }

    @Test
    void lastEventIdResumesWithoutLossOrDuplicates() {
        String id = Api.start("{\"processors\":[\"range\"],\"inputs\":{\"count\":[3000]}}");
        List<Api.Event> firstPart = Api.follow(id, "numbers", null, 1000);
        List<Api.Event> rest = Api.follow(id, "numbers", firstPart.get(999).id(), Integer.MAX_VALUE);
        List<String> all = new ArrayList<>(data(firstPart));
        all.addAll(data(rest));
        assertEquals(IntStream.range(0, 3000).mapToObj(String::valueOf).toList(), all);
        assertEquals("complete", rest.get(rest.size() - 1).name());
    }

    @Test
    void failingRunEndsTheStreamWithAnErrorEventNamingTheProcessor() {
        // producer reads its input as an int: a string makes it throw
        String id = Api.start("{\"processors\":[\"producer\",\"consumer\"],\"inputs\":{\"input\":[\"many\"]}}");
        List<Api.Event> events = Api.follow(id, "consumed", null, Integer.MAX_VALUE);
        Api.Event last = events.get(events.size() - 1);
        assertEquals("error", last.name());
        assertEquals("producer", Api.parse(last.data()).asJsonObject().getString("processor"));
    }

    @Test
    void manyClientsFollowOneOutputWhileItIsProduced() throws Exception {
        String id = Api.start("{\"processors\":[\"producer\",\"consumer\"],\"inputs\":{\"input\":[30]}}");
        List<CompletableFuture<List<Api.Event>>> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(CompletableFuture.supplyAsync(() -> Api.follow(id, "consumed", null, Integer.MAX_VALUE)));
        }
        for (CompletableFuture<List<Api.Event>> client : clients) {
            List<Api.Event> events = client.get();
            assertEquals(30, data(events).size());
            assertEquals("complete", events.get(events.size() - 1).name());
        }
    }

    /**
     * A client that stops reading (its receive window closes: 4 KB) while 400,000 events (over 10 MB,
     * more than any socket buffers hold) are due: the run and another client go on to the end, and the
     * server queues at most 256 events for the stalled client, then drops it once they stay unread for
     * datagraph.rest.sse-send-timeout (5 s on the test servers): what it finally reads is a stream cut
     * short, without the complete event, so the server never held the rest for it.
     */
    @Test
    void aClientThatStopsReadingIsDroppedWhileTheRunAndOtherClientsGoOn() throws Exception {
        int count = 400_000;
        String id = Api.start("{\"processors\":[\"range\"],\"inputs\":{\"count\":[" + count + "]}}");
        java.net.URI uri = java.net.URI.create(Api.BASE + "/flows/" + id + "/outputs/numbers");
        try (java.net.Socket stalled = new java.net.Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
            stalled.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            List<Api.Event> events = Api.follow(id, "numbers", null, Integer.MAX_VALUE);
            assertEquals(count, data(events).size(), "the other client missed events");
            assertEquals("complete", events.get(events.size() - 1).name());
            assertEquals("COMPLETED", Api.json(Api.get("/flows/" + id, "application/json")).getString("status"));

            awaitNoClientFollowing();
            String received = readToTheEnd(stalled);
            long values = received.lines().filter(line -> line.startsWith("data:")).count();
            assertTrue(received.startsWith("HTTP/1.1 200"), received.lines().findFirst().orElse(""));
            assertTrue(!received.contains("event: complete") && values < count,
                    "the stalled client was sent the whole stream (" + values + " values): the server held it all");
        }
    }

    /** Waits until the server sends events to no client (liveness data), i.e. it dropped the stalled one. */
    private static void awaitNoClientFollowing() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        String following = "?";
        while (System.nanoTime() < deadline) {
            following = Api.json(Api.health("live")).getJsonArray("checks").stream().map(check -> check.asJsonObject())
                    .filter(check -> check.getString("name").equals("datagraph-engine"))
                    .map(check -> check.getJsonObject("data").get("sseClients").toString().replace("\"", ""))
                    .findFirst().orElse("?");
            if (following.equals("0")) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals("0", following, "clients still being sent events a minute after the stalled one stopped reading");
    }

    /** What the socket delivers until the server closes it (or resets it). */
    private static String readToTheEnd(java.net.Socket socket) throws java.io.IOException {
        socket.setSoTimeout(30_000);
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try {
            for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server may reset the connection it gave up on: what came before stands
        }
        return received.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The servers under test allow 32 followers at once ({@code datagraph.rest.sse-clients}). */
    @Test
    void followersBeyondTheBoundAreAnswered503WithRetryAfter() throws Exception {
        String id = Api.start("{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}");
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<java.net.http.HttpResponse<java.io.InputStream>>> followers = new ArrayList<>();
        try {
            java.net.http.HttpResponse<java.io.InputStream> refused = null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
            while (refused == null && followers.size() < 40 && System.nanoTime() < deadline) {
                followers.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(Api.BASE + "/flows/" + id + "/outputs/numbers"))
                        .header("Accept", "text/event-stream").GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream()));
                if (followers.size() > 32) {
                    // every earlier follower holds a sender thread; wait for the answers of the last ones
                    for (var follower : followers) {
                        var response = follower.getNow(null);
                        if (response != null && response.statusCode() == 503) {
                            refused = response;
                        }
                    }
                    if (refused == null) {
                        // a hang guard, not a speed limit: 33 streams on a loaded 2-core machine answer slowly
                        refused = followers.get(followers.size() - 1)
                                .get(60, java.util.concurrent.TimeUnit.SECONDS);
                        if (refused.statusCode() != 503) {
                            refused = null;
                        }
                    }
                }
            }
            assertNotNull(refused, "no follower was refused among " + followers.size());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "no Retry-After");
            assertTrue(new String(refused.body().readAllBytes()).contains("datagraph.rest.sse-clients"));
        } finally {
            Api.post("/flows/" + id + "/inputs/numbers/complete", "");
            followers.forEach(follower -> follower.thenAccept(response -> {
                try {
                    response.body().close();
                } catch (java.io.IOException ignored) {
                    // closing a finished stream
                }
            }));
        }
        // once the followers are done, the bound admits new ones
        List<Api.Event> events = Api.follow(id, "numbers", null, Integer.MAX_VALUE);
        assertEquals("complete", events.get(events.size() - 1).name());
    }

    @Test
    void malformedLastEventIdIs400() {
        String id = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[2]}}");
        var response = Api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Api.BASE + "/flows/" + id + "/outputs/bar"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", "garbage").GET());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("garbage"));
    }
}
