package io.datagraph.it;

import io.datagraph.client.DatagraphApiException;
import io.datagraph.client.DatagraphClient;
import io.datagraph.client.DatagraphClients;
import io.datagraph.client.FlowStart;
import io.datagraph.client.ListedRun;
import io.datagraph.client.RunState;
import io.datagraph.client.Started;
import io.datagraph.testing.SharedRedis;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed client ({@code datagraph-client}) from plain Java against the deployed EAR. */
@ExtendWith(SharedRedis.class)
@ExtendWith(ArquillianExtension.class)
class ClientIT {

    private final DatagraphClient client = DatagraphClients.create(URI.create(Api.BASE));

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
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
        List<ListedRun> listed = client.runs(null, "multiply", null, null, 100, null);
        assertTrue(listed.stream().anyMatch(run -> run.id().equals(started.id())), listed.toString());
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
