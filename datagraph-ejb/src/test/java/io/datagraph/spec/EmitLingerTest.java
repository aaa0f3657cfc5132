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
 * An emitter holds the values it gathers for at most {@code datagraph.emit.linger} (here 0.2 s) before
 * sending them, unless they fill an entry (here 2 values): a producer that pauses after emitting still
 * has its values delivered, whether they were gathered while nothing was in flight or while an append
 * was. The store is one of the class's own, so that it can hold writes for a while. Readers poll only
 * every 30 s here: what wakes the test's reader is the signal of each append, which names its stream.
 */
@EngineTest
@DatagraphTest(beans = {EmitLingerTest.EmitOneThenPause.class, EmitLingerTest.EmitThreeThenPause.class},
        config = {"datagraph.emit.linger=PT0.2S", "datagraph.emit.batch=2", "datagraph.read.poll-interval=PT30S"})
class EmitLingerTest {

    @DatagraphTest.OwnStore
    static RedisServer store;

    @Inject
    Datagraph datagraph;

    /** Emits "x", which fills no entry, then pauses. */
    @ApplicationScoped
    public static class EmitOneThenPause {
        static final CountDownLatch RESUME = new CountDownLatch(1);

        @Processor(name = "emitOneThenPause", inputs = "go", outputs = "letters")
        public void emit(IO<Integer> go, Emitter<String> letters) throws InterruptedException {
            go.first();
            letters.emit("x");
            RESUME.await(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Emits "a" and "b", a full entry that goes at once and stays in flight while the store holds writes,
     * then "c", gathered meanwhile, then pauses.
     */
    @ApplicationScoped
    public static class EmitThreeThenPause {
        static final CountDownLatch RESUME = new CountDownLatch(1);

        @Processor(name = "emitThreeThenPause", inputs = "go", outputs = "letters")
        public void emit(IO<Integer> go, Emitter<String> letters) throws InterruptedException {
            go.first();
            new StoreProbe(URI.create(store.url())).pauseWrites(300);
            letters.emit("a");
            letters.emit("b");
            letters.emit("c");
            RESUME.await(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLoneValueArrivesWithinTheLingerWhileItsProducerPauses() throws InterruptedException {
        assertArrivesWhilePaused("emitOneThenPause", List.of("x"), EmitOneThenPause.RESUME);
    }

    @Test
    void aValueEmittedDuringAnAppendArrivesWithinTheLingerWhileItsProducerPauses() throws InterruptedException {
        assertArrivesWhilePaused("emitThreeThenPause", List.of("a", "b", "c"), EmitThreeThenPause.RESUME);
    }

    private void assertArrivesWhilePaused(String processor, List<String> expected, CountDownLatch resume)
            throws InterruptedException {
        Run run = datagraph.start(Flow.of(processor), Map.of("go", List.of(1)));
        try {
            Iterator<String> letters = run.<String>io("letters", String.class).iterator();
            // a hang guard: without the linger's timer the values wait for the producer to return
            assertEquals(expected, assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> expected.stream().map(letter -> letters.next()).toList()));
            assertEquals(RunStatus.RUNNING, run.status(), "the producer is still paused");
        } finally {
            resume.countDown();
        }
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
    }
}
