package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.engine.exec.ExecutorLookup;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.test.TestStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocked readers never starve the processors they wait for, on a pool with fewer threads than
 * processors that even starts consumers before producers; and waiting readers hold no blocking read.
 * The timeouts are hang guards (a deadlock would block forever), not performance assertions.
 */
@EngineTest
@DatagraphTest(beans = DeadlockFreedomTest.LifoPool.class)
class DeadlockFreedomTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @Inject
    Datagraph datagraph;

    /**
     * A pool of 4 threads that runs the newest queued task first. Processors are queued producers
     * first, so this pool starts consumers before their producers: the worst order for a pool with
     * fewer threads than processors, and one that deadlocks an engine whose blocked readers just wait.
     */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class LifoPool extends ExecutorLookup {
        static final int THREADS = 4;
        private final AtomicInteger threads = new AtomicInteger();
        private final ExecutorService pool = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES,
                new LinkedBlockingDeque<>() {
                    @Override
                    public boolean offer(Runnable task) {
                        return offerFirst(task);
                    }
                }, runnable -> {
                    Thread thread = new Thread(runnable, "lifo-pool-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });

        @Override
        public ExecutorService executor() {
            return pool;
        }
    }

    @Test
    void chainOfTenProcessorsCompletesOnAPoolOfFour() {
        Flow chain = Flow.of(IntStream.rangeClosed(1, 10).mapToObj(i -> "link" + i).toList());
        List<Integer> seed = IntStream.range(0, 100).boxed().toList();
        Run run = datagraph.start(chain, Map.of("s0", seed));
        List<Integer> out = assertTimeoutPreemptively(HANG_GUARD,
                () -> run.<Integer>io("s10", Integer.class).stream().toList());
        assertEquals(IntStream.range(10, 110).boxed().toList(), out);
    }

    @Test
    void twoHundredConcurrentThreeProcessorFlowsCompleteOnAPoolOfFour() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            runs.add(datagraph.start("squares", Map.of("count", List.of(i))));
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < runs.size(); i++) {
                long expected = LongStream.range(0, i).map(x -> x * x).sum();
                assertEquals(List.of(expected), runs.get(i).<Long>io("total", Long.class).stream().toList());
            }
        });
    }

    /**
     * Readers waiting for values hold no connection and no blocking command: they wait on the run's
     * signal and read once it comes. A reader per blocking XREAD would show as blocked clients.
     */
    @Test
    void fiveHundredWaitingReadersHoldNoBlockingReadAndFewConnections() throws Exception {
        RedisServer redis = TestStore.server();
        int before = clients(redis);
        Run run = datagraph.start(RunRequest.of(Flow.of("countTo")).open("n"));
        List<Thread> readers = new ArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        for (int i = 0; i < 500; i++) {
            Thread reader = new Thread(() -> {
                if (run.<Integer>io("ints", Integer.class).first() == 0) {
                    answers.incrementAndGet();
                }
            });
            reader.start();
            readers.add(reader);
        }
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (!readers.stream().allMatch(DeadlockFreedomTest::parked) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(readers.stream().allMatch(DeadlockFreedomTest::parked), "the readers did not all wait");
        assertEquals(0, answers.get(), "a reader got a value before any was written");
        assertEquals("0", info(redis, "blocked_clients"), "waiting readers hold blocking reads");
        int during = clients(redis);
        assertTrue(during - before <= 20, "500 waiting readers opened " + (during - before) + " connections");
        run.append("n", List.of(1));
        run.complete("n");
        for (Thread reader : readers) {
            reader.join(HANG_GUARD.toMillis());
        }
        assertEquals(500, answers.get());
    }

    private static boolean parked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static String info(RedisServer redis, String field) throws java.io.IOException {
        return redis.command("INFO", "clients").lines().filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).trim()).findFirst().orElseThrow();
    }

    private static int clients(RedisServer redis) throws java.io.IOException {
        return (int) redis.command("CLIENT", "LIST").lines().filter(line -> line.contains("addr=")).count();
    }
}
