package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With datagraph.security.hmac-secret, values are signed, and forged or altered entries are refused. */
@EngineTest
@DatagraphTest(config = "datagraph.security.hmac-secret=" + SigningTest.SECRET)
class SigningTest {

    static final String SECRET = "a test secret of some length";

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    /** Writes an entry past the engine, and wakes the stream's readers the way a writer does. */
    private void inject(Run run, String stream, Map<String, String> entry) {
        store.redisson().<String, String>getStream("dg:{" + run.id() + "}:io:" + stream).add(StreamAddArgs.entries(entry));
        store.redisson().getTopic(StoreKeys.signalChannel("dg"), StringCodec.INSTANCE).publish(run.id());
    }

    @Test
    void signedValuesFlowAsUsual() {
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(5)));
        assertEquals(List.of(10, 11, 12, 13, 14), run.<Integer>io("d", Integer.class).stream().toList());
        var entry = store.redisson().<String, String>getStream("dg:{" + run.id() + "}:io:c").range(1,
                org.redisson.api.StreamMessageId.MIN, org.redisson.api.StreamMessageId.MAX);
        assertTrue(entry.values().iterator().next().containsKey("s"), "entries carry a signature");
    }

    @Test
    void unsignedValueInjectedIntoAStreamFailsTheRunNamingTheStream() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        run.append("names", List.of("Ada"));
        inject(run, "names", Map.of("n", "1", "v", "\"Mallory\""));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        String message = run.failure().orElseThrow().message();
        assertTrue(message.contains("'names'") && message.contains("unsigned"), message);
    }

    @Test
    void alteredValueFailsTheRun() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        inject(run, "names", Map.of("n", "1", "v", "\"Mallory\"", "s", "00ff"));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        assertTrue(run.failure().orElseThrow().message().contains("signature does not match"), run.failure().toString());
    }
}
