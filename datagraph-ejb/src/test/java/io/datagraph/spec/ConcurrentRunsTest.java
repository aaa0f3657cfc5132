package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.LimitExceededException;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.RunKeyCount;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code datagraph.limits.concurrent-runs} bounds the runs running at once across the store: a start
 * beyond it is refused whole, and a run that ends frees its place.
 */
@EngineTest
@DatagraphTest(config = {"datagraph.limits.concurrent-runs=2", "datagraph.key-prefix=" + ConcurrentRunsTest.PREFIX})
class ConcurrentRunsTest {

    static final String PREFIX = "dg-admission";

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    private final List<Run> started = new ArrayList<>();

    @AfterEach
    void cancelStarted() {
        for (Run run : started) {
            if (run.status() == RunStatus.RUNNING) {
                run.cancel();
            }
        }
        started.clear();
    }

    private Run startOpen() {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        started.add(run);
        return run;
    }

    @Test
    void startBeyondTheLimitIsRefusedAndWritesNothing() {
        startOpen();
        startOpen();
        long before = RunKeyCount.of(store, PREFIX);
        LimitExceededException e = assertThrows(LimitExceededException.class, this::startOpen);
        assertEquals(LimitExceededException.Limit.CONCURRENT_RUNS, e.limit());
        assertTrue(e.getMessage().contains("datagraph.limits.concurrent-runs"), e.getMessage());
        assertTrue(e.getMessage().contains("2 are running"), e.getMessage());
        assertEquals(before, RunKeyCount.of(store, PREFIX), "a refused start must write nothing");
    }

    @Test
    void completedRunFreesItsPlace() throws InterruptedException {
        Run first = startOpen();
        startOpen();
        first.complete("names");
        assertEquals(RunStatus.COMPLETED, first.await(Duration.ofSeconds(10)));
        assertEquals(RunStatus.RUNNING, startOpen().status());
    }

    @Test
    void cancelledRunFreesItsPlace() {
        Run first = startOpen();
        startOpen();
        first.cancel();
        assertEquals(RunStatus.RUNNING, startOpen().status());
    }

    @Test
    void runWhoseEndWentUnheardDoesNotHoldAPlace() {
        // what a node that died between ending runs and saying so leaves behind: ids of runs not running
        store.redisson().getScoredSortedSet(new io.datagraph.engine.protocol.StoreKeys(PREFIX).running()).add(1, "ghost-run-1");
        store.redisson().getScoredSortedSet(new io.datagraph.engine.protocol.StoreKeys(PREFIX).running()).add(2, "ghost-run-2");
        startOpen();
        startOpen();
        assertEquals(2, store.redisson().getScoredSortedSet(new io.datagraph.engine.protocol.StoreKeys(PREFIX).running()).size());
    }

    @Test
    void simultaneousStartsOnManyThreadsNeverExceedTheLimit() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Run>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Run> start = () -> {
                    go.await();
                    return datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
                };
                attempts.add(threads.submit(start));
            }
            go.countDown();
            int admitted = 0;
            int refused = 0;
            for (Future<Run> attempt : attempts) {
                try {
                    started.add(attempt.get());
                    admitted++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof LimitExceededException, e.getCause().toString());
                    refused++;
                }
            }
            assertEquals(2, admitted);
            assertEquals(6, refused);
        } finally {
            threads.shutdownNow();
        }
    }
}
