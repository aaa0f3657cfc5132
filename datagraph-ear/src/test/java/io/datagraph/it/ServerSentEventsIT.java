package io.datagraph.it;

import io.datagraph.testing.SharedRedis;
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
@ExtendWith(SharedRedis.class)
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

    @Test
    void clientThatStopsReadingSlowsNeitherTheRunNorOtherClients() throws Exception {
        String id = Api.start("{\"processors\":[\"range\"],\"inputs\":{\"count\":[200000]}}");
        java.net.http.HttpResponse<java.io.InputStream> stalled = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/flows/" + id + "/outputs/numbers"))
                        .header("Accept", "text/event-stream").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try {
            List<Api.Event> events = Api.follow(id, "numbers", null, Integer.MAX_VALUE);
            assertEquals(200_000, data(events).size());
            assertEquals("COMPLETED", Api.json(Api.get("/flows/" + id, "application/json")).getString("status"));
        } finally {
            stalled.body().close();
        }
    }

    /** The servers under test allow 32 followers at once ({@code datagraph.rest.sse-clients}). */
    @Test
    void followersBeyondTheBoundAreAnswered503WithRetryAfter() throws Exception {
        String id = Api.start("{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<CompletableFuture<java.net.http.HttpResponse<java.io.InputStream>>> followers = new ArrayList<>();
        try {
            java.net.http.HttpResponse<java.io.InputStream> refused = null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
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
                        refused = followers.get(followers.size() - 1)
                                .get(10, java.util.concurrent.TimeUnit.SECONDS);
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
