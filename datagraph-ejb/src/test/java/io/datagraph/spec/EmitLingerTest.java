package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.test.RedisServer;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.StoreProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Values emitted while an append is in flight are held for more once it is acknowledged, at most
 * {@code datagraph.emit.linger} (here 0.2 s): a producer that pauses after emitting still has them
 * delivered. The store (one of its own) holds writes for a while so that an append is surely in flight.
 */
@EngineTest
@DatagraphTest(beans = EmitLingerTest.EmitThenPause.class, config = "datagraph.emit.linger=PT0.2S")
class EmitLingerTest {

    @DatagraphTest.OwnStore
    static RedisServer store;

    @Inject
    Datagraph datagraph;

    /** Emits "a" while the store holds writes (so its append stays in flight), then "b", then pauses. */
    @ApplicationScoped
    public static class EmitThenPause {
        static final CountDownLatch RESUME = new CountDownLatch(1);

        @Processor(name = "emitThenPause", inputs = "go", outputs = "letters")
        public void emit(IO<Integer> go, Emitter<String> letters) throws InterruptedException {
            go.first();
            new StoreProbe(URI.create(store.url())).pauseWrites(300);
            letters.emit("a");
            letters.emit("b");
            RESUME.await(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aValueEmittedDuringAnAppendArrivesWithinTheLingerWhileItsProducerPauses() throws InterruptedException {
        Run run = datagraph.start(Flow.of("emitThenPause"), Map.of("go", List.of(1)));
        try {
            Iterator<String> letters = run.<String>io("letters", String.class).iterator();
            // a hang guard: without the linger's timer "b" waits for the producer to return
            assertEquals(List.of("a", "b"), assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> List.of(letters.next(), letters.next())));
            assertEquals(RunStatus.RUNNING, run.status(), "the producer is still paused");
        } finally {
            EmitThenPause.RESUME.countDown();
        }
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
    }
}
