package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IdempotencyConflictException;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.flow.UnknownProcessorException;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start with an idempotency key starts one run however often it is repeated, concurrently or not, by
 * the same caller, as long as the run is retained; a different request under the key is refused.
 */
@EngineTest
class IdempotentStartTest {

    @Inject
    Datagraph datagraph;

    private static RunRequest multiply(int value, String key) {
        return RunRequest.of(Flow.of("multiply")).input("foo", value).idempotencyKey(key);
    }

    @Test
    void aRepeatedStartAnswersTheRunOfTheFirst() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Datagraph.Submission first = datagraph.submit(multiply(3, key));
        Datagraph.Submission again = datagraph.submit(multiply(3, key));
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.run().id(), again.run().id());
        assertEquals(RunStatus.COMPLETED, again.run().await(Duration.ofSeconds(30)));
        assertEquals(List.of(0, 2, 4), again.run().<Integer>io("bar", Integer.class).stream().toList());
    }

    @Test
    void concurrentStartsWithOneKeyStartOneRun() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier together = new CyclicBarrier(8);
            List<Callable<Datagraph.Submission>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(() -> {
                    together.await();
                    return datagraph.submit(multiply(3, key));
                });
            }
            List<Datagraph.Submission> submissions = new ArrayList<>();
            for (Future<Datagraph.Submission> submission : callers.invokeAll(starts)) {
                submissions.add(submission.get());
            }
            assertEquals(1, submissions.stream().filter(Datagraph.Submission::created).count());
            assertEquals(1, submissions.stream().map(submission -> submission.run().id()).distinct().count());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theKeyWithADifferentRequestIsRefusedNamingWhatDiffers() {
        String key = UUID.randomUUID().toString();
        String runId = datagraph.start(multiply(3, key)).id();
        IdempotencyConflictException e = assertThrows(IdempotencyConflictException.class,
                () -> datagraph.submit(multiply(4, key)));
        assertEquals(runId, e.runId());
        assertEquals(List.of("the input values"), e.differences());
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(runId), e.getMessage());
    }

    @Test
    void aRefusedStartBindsNoKey() {
        String key = UUID.randomUUID().toString();
        assertThrows(UnknownProcessorException.class,
                () -> datagraph.submit(RunRequest.of(Flow.of("nosuchprocessor")).idempotencyKey(key)));
        assertTrue(datagraph.submit(multiply(3, key)).created());
    }

    @Test
    void eachCallerHasItsOwnKeys() {
        String key = UUID.randomUUID().toString();
        String ada = datagraph.start(multiply(3, key).startedBy("ada")).id();
        String bob = datagraph.start(multiply(3, key).startedBy("bob")).id();
        assertNotEquals(ada, bob);
    }

    @Test
    void aKeyIsPrintableAsciiOfAtMost255Characters() {
        assertThrows(IllegalArgumentException.class, () -> RunRequest.of(Flow.of("multiply")).idempotencyKey(""));
        assertThrows(IllegalArgumentException.class, () -> RunRequest.of(Flow.of("multiply")).idempotencyKey("a b"));
        assertThrows(IllegalArgumentException.class,
                () -> RunRequest.of(Flow.of("multiply")).idempotencyKey("k".repeat(256)));
    }
}
