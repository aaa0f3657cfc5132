package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fast producer waits for a slow reader once the reader lags by the window
 * (test configuration: datagraph.emit.window=20000, datagraph.emit.stall=PT1S), and never waits for
 * a reader that cannot read yet. Timeouts here are hang guards.
 */
@EngineTest
class BackpressureTest {

    private static final long WINDOW = 20_000;
    /** What may pass the window: a batch in flight, one being filled, and a reader's unreported values. */
    private static final long SLACK = 3 * 1024;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Inject
    Datagraph datagraph;

    private static long backlogOf(Run run, String stream) {
        return run.ioStates().stream().filter(io -> io.name().equals(stream)).findFirst().map(IOState::backlog).orElse(0L);
    }

    @Test
    void fastProducerStaysWithinTheWindowOfASlowReader() throws InterruptedException {
        Run run = datagraph.start(Flow.of("flood", "trickle"), Map.of("n", List.of(150_000)));
        long peak = 0;
        while (run.status() == RunStatus.RUNNING) {
            peak = Math.max(peak, backlogOf(run, "water"));
            Thread.sleep(10);
        }
        assertEquals(List.of(150_000L), run.<Long>io("drops", Long.class).stream().toList());
        assertTrue(peak <= WINDOW + SLACK, "the unread backlog reached " + peak);
        assertTrue(peak > WINDOW / 2, "the producer never ran ahead (peak " + peak + "): the test shows nothing");
    }

    @Test
    void producerDoesNotWaitForAReaderBusyWithAnotherStream() {
        Run run = datagraph.start(Flow.of("yThenX", "xFirst"), Map.of("n", List.of(60_000)));
        long expected = -1 + 60_000L * 59_999 / 2;
        assertEquals(List.of(expected), assertTimeoutPreemptively(HANG_GUARD,
                () -> run.<Long>io("xy", Long.class).stream().toList()));
    }

    @Test
    void producerDoesNotWaitForAReaderOfALaterPartition() {
        Run run = datagraph.start(Flow.of("flood", "tally"), Map.of("n", List.of(60_000)));
        assertEquals(List.of(60_000L), assertTimeoutPreemptively(HANG_GUARD,
                () -> run.<Long>io("tallied", Long.class).stream().toList()));
    }
}
