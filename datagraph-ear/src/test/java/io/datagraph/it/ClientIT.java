package io.datagraph.it;

import io.datagraph.client.DatagraphApiException;
import io.datagraph.client.DatagraphClient;
import io.datagraph.client.DatagraphClients;
import io.datagraph.client.FlowStart;
import io.datagraph.client.ListedRun;
import io.datagraph.client.RunState;
import io.datagraph.client.Started;
import io.datagraph.it.caller.CallerApplication;
import io.datagraph.it.caller.CallerResource;
import io.datagraph.test.TestStore;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed client ({@code datagraph-client}): from plain Java against the deployed EAR, and injected
 * with {@code @RestClient} into another deployment on the same server ({@link CallerResource}).
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class ClientIT {

    private final DatagraphClient client = DatagraphClients.create(URI.create(Api.BASE));

    private static final String CALLER = Api.BASE.replace("/datagraph/api", "/caller");

    @Deployment(name = "datagraph", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** Another application, which reaches the API through the injected client configured by its own MicroProfile Config. */
    @Deployment(name = "caller", order = 2, testable = false)
    static WebArchive caller() {
        return ShrinkWrap.create(WebArchive.class, "caller.war")
                .addPackage(DatagraphClient.class.getPackage())
                .addClasses(CallerApplication.class, CallerResource.class)
                // discovery mode all: the Rest Client extension finds @RegisterRestClient interfaces among all types
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                        + " bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addAsResource(new StringAsset("datagraph/mp-rest/url=" + Api.BASE + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Test
    void anotherApplicationInjectsTheClientAndUsesIt() {
        HttpResponse<String> answer = Api.send(HttpRequest.newBuilder(URI.create(CALLER + "/calls/multiply?n=3")).GET());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("[0,2,4]", answer.body().replace(" ", ""));
        HttpResponse<String> unknown = Api.send(HttpRequest.newBuilder(URI.create(CALLER + "/calls/unknown")).GET());
        assertTrue(unknown.body().startsWith("404 ") && unknown.body().contains("no-such-run"), unknown.body());
    }

    @Test
    void anOutputIsFollowedAsServerSentEventsThroughTheClient() throws Exception {
        Started started = client.start(FlowStart.of("multiply").input("foo", 3));
        List<InboundSseEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        client.follow(started.id(), "bar", null).subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(InboundSseEvent event) {
                events.add(event);
                if ("complete".equals(event.getName())) {
                    ended.complete(null);
                }
            }

            @Override
            public void onError(Throwable error) {
                ended.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                ended.complete(null);
            }
        });
        ended.get(60, TimeUnit.SECONDS);
        // the values' events carry their position as id (the stream opens with a comment, which has none)
        assertEquals(List.of("0", "2", "4"), events.stream().filter(event -> event.getId() != null
                && !"complete".equals(event.getName())).map(InboundSseEvent::readData).toList());
        assertEquals("complete", events.get(events.size() - 1).getName());
    }

    private static List<Long> numbers(List<JsonValue> values) {
        return values.stream().map(value -> ((JsonNumber) value).longValue()).toList();
    }

    @Test
    void aRunStartedThroughTheClientIsReadThroughIt() {
        Started started = client.start(FlowStart.of("multiply").input("foo", 3));
        assertEquals("RUNNING", started.status());
        assertTrue(started.outputs().containsKey("bar"), started.toString());
        assertEquals(List.of(0L, 2L, 4L), numbers(client.values(started.id(), "bar")));
        RunState state = client.state(started.id());
        assertEquals("COMPLETED", state.status());
        assertEquals(List.of("multiply"), state.processors());
        assertTrue(state.ios().stream().anyMatch(io -> io.name().equals("bar") && io.count() == 3), state.toString());
        assertTrue(client.graph(started.id()).contains("multiply"));
        assertTrue(client.processors().stream().anyMatch(p -> p.name().equals("multiply") && p.inputs().equals(List.of("foo"))));
        List<ListedRun> listed = io.datagraph.client.RunsPage.of(client.runs(null, "multiply", null, null, 100, null)).runs();
        assertTrue(listed.stream().anyMatch(run -> run.id().equals(started.id())), listed.toString());
    }

    @Test
    void theHistoryIsPagedThroughTheClient() {
        String since = java.time.Instant.now().toString();
        List<String> started = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(0, client.start(FlowStart.of("square").open("numbers")).id());
        }
        List<String> listed = new java.util.ArrayList<>();
        String cursor = null;
        do {
            io.datagraph.client.RunsPage page = io.datagraph.client.RunsPage.of(client.runs("RUNNING", "square", null, since, 2, cursor));
            page.runs().forEach(run -> listed.add(run.id()));
            cursor = page.next();
        } while (cursor != null);
        assertEquals(started, listed);
        started.forEach(client::cancel);
    }

    @Test
    void anOpenInputIsFedOnceAndCompleted() {
        Started started = client.start(FlowStart.of("square", "sum").open("numbers"));
        client.append(started.id(), "numbers", List.of(1, 2, 3), "first");
        client.append(started.id(), "numbers", List.of(1, 2, 3), "first");
        client.append(started.id(), "numbers", List.of(4));
        client.complete(started.id(), "numbers");
        assertEquals(List.of(30L), numbers(client.values(started.id(), "total")));
    }

    @Test
    void aRepeatedStartWithItsKeyAnswersTheSameRun() {
        String key = UUID.randomUUID().toString();
        Started first = client.start(FlowStart.of("multiply").input("foo", 1), key);
        Started again = client.start(FlowStart.of("multiply").input("foo", 1), key);
        assertEquals(first.id(), again.id());
        assertNull(again.outputs(), "a repeat answers the run's state, which lists no output URLs");
    }

    @Test
    void errorsArriveAsExceptionsCarryingTheProblemDocument() {
        DatagraphApiException unknown = assertThrows(DatagraphApiException.class, () -> client.state("no-such-run"));
        assertEquals(404, unknown.status());
        assertTrue(unknown.problem().detail().contains("no-such-run"), unknown.problem().toString());
        DatagraphApiException unresolved = assertThrows(DatagraphApiException.class,
                () -> client.start(FlowStart.of("nosuchprocessor")));
        assertEquals(422, unresolved.status());
        assertTrue(unresolved.getMessage().contains("nosuchprocessor"), unresolved.getMessage());
    }
}
