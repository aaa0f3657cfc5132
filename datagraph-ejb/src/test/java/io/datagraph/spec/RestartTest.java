package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.ProcessorPhase;
import io.datagraph.RestartRefusedException;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.run.RunRepository;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A FAILED run restarts where it failed: the failed processor and those its failure stopped run again as
 * new attempts resuming their outputs, values written are kept, finished processors are not run again.
 */
@EngineTest
class RestartTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @Inject
    Datagraph datagraph;

    @Inject
    RunRepository runs;

    @Inject
    io.datagraph.engine.node.Dispatcher dispatcher;

    @Inject
    io.datagraph.engine.store.StoreClient store;

    private Run failedRun() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("failOnce", "passOn")).input("upTo", 100));
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        return run;
    }

    @Test
    void aFailedRunRestartsAndEveryValueAppearsOnce() throws InterruptedException {
        Run run = failedRun();
        assertEquals(ProcessorPhase.FAILED, run.phases().get("failOnce"));
        assertEquals(ProcessorPhase.STOPPED, run.phases().get("passOn"));
        run.restart();
        assertEquals(RunStatus.COMPLETED, run.await(HANG_GUARD), () -> "run ended " + run.failure());
        assertEquals(IntStream.range(0, 100).boxed().toList(), run.<Integer>io("passed", Integer.class).stream().toList());
        assertFalse(run.failure().isPresent(), "the old failure is forgotten");
    }

    @Test
    void aRunThatDidNotFailIsNotRestarted() throws InterruptedException {
        Run run = datagraph.start(Flow.of("multiply"), java.util.Map.of("foo", List.of(2)));
        assertEquals(RunStatus.COMPLETED, run.await(HANG_GUARD));
        RestartRefusedException e = assertThrows(RestartRefusedException.class, run::restart);
        assertTrue(e.getMessage().contains("COMPLETED"), e.getMessage());
    }

    @Test
    void aLateFailureOfAnEarlierEpochDoesNotTouchTheRestartedRun() throws InterruptedException {
        Run run = failedRun();
        run.restart();
        assertFalse(runs.fail(run.id(), runs.plan(run.id()), "failOnce", "a late record of the first failure", 0L),
                "a failure of epoch 0 failed the run of epoch 1");
        assertEquals(RunStatus.COMPLETED, run.await(HANG_GUARD));
    }

    @Test
    void aRestartThatWouldReReadATrimmedInputIsRefusedNamingIt() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("range", "squareOnce", "sum"))
                .outputs(io.datagraph.OutputSelection.TERMINAL).input("count", 20_000));
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        RestartRefusedException e = assertThrows(RestartRefusedException.class, run::restart);
        // squareOnce re-reads numbers, sum (stopped) re-reads squares: whichever its readers consumed is named
        assertTrue(e.getMessage().contains("'squareOnce' would re-read input 'numbers'")
                || e.getMessage().contains("'sum' would re-read input 'squares'"), e.getMessage());
        assertEquals(RunStatus.FAILED, run.status(), "a refused restart changes nothing");
    }

    @Test
    void aDispatchOfAnEarlierEpochIsAcknowledgedWithoutRunning() throws InterruptedException {
        // endless keeps the restarted run RUNNING, so that a stale dispatch could still start an attempt
        Run run = datagraph.start(RunRequest.of(Flow.of("failOnce", "passOn", "endless")).input("upTo", 100));
        assertEquals(RunStatus.FAILED, run.await(HANG_GUARD));
        run.restart();
        assertEquals(IntStream.range(0, 100).boxed().toList(), run.<Integer>io("passed", Integer.class).stream().toList());
        var meta = store.redisson().<String, String>getMap(new io.datagraph.engine.protocol.RunKeys("dg", run.id()).meta(),
                org.redisson.client.codec.StringCodec.INSTANCE);
        String attempts = meta.get("attempt:passOn");
        dispatcher.dispatch(run.id(), "passOn", 0);
        var stream = store.redisson().getStream("dg:{dispatch}:passOn", org.redisson.client.codec.StringCodec.INSTANCE);
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        // an entry leaves the dispatch stream once acknowledged
        while (stream.size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, stream.size(), "the stale dispatch was not acknowledged");
        assertEquals(attempts, meta.get("attempt:passOn"), "a dispatch of epoch 0 started an attempt in epoch 1");
        assertEquals(RunStatus.RUNNING, run.status());
        run.cancel();
    }
}
