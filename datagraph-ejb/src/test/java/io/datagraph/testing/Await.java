package io.datagraph.testing;

import io.datagraph.Run;
import io.datagraph.RunStatus;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting for a state the test can observe, with a deadline: never a sleep standing in for it. */
public final class Await {

    private Await() {
    }

    /** Polls {@code state} every 20 ms until it holds; fails with {@code failure} past {@code deadline}. */
    public static void until(BooleanSupplier state, Duration deadline, String failure) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!state.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, failure);
            Thread.sleep(20);
        }
    }

    /**
     * The status a run ends in, waiting through a store that does not answer meanwhile (reads then throw);
     * RUNNING if it has not ended within {@code deadline}.
     */
    public static RunStatus endThroughStoreTrouble(Run run, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            try {
                RunStatus status = run.await(Duration.ofSeconds(1));
                if (status.isTerminal()) {
                    return status;
                }
            } catch (RuntimeException storeNotAnswering) {
                Thread.sleep(200);
            }
        }
        return RunStatus.RUNNING;
    }
}
