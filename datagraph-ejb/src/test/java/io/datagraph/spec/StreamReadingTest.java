package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IO;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.Types;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How IO reads behave: every value once, in order, whenever the reader comes. */
@EngineTest
class StreamReadingTest {

    @Inject
    Datagraph datagraph;

    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void readerArrivingAfterCompletionSeesEveryValueOnceInOrder() throws InterruptedException {
        Run run = datagraph.start(Flow.of("countTo"), Map.of("n", List.of(5000)));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        assertEquals(upTo(5000), run.<Integer>io("ints", Integer.class).stream().toList());
    }

    @Test
    void readersAttachedWhileTheProducerRunsEachSeeEveryValueOnceInOrder() throws Exception {
        Run run = datagraph.start(Flow.of("slowCount"), Map.of("n", List.of(200)));
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Integer>>> reads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                awaitWritten(run, 20 + 40 * i); // each reader attaches further into the production
                reads.add(readers.submit(() -> run.<Integer>io("slow", Integer.class).stream().toList()));
            }
            assertEquals(RunStatus.RUNNING, run.status(), "the readers should have started while producing");
            for (Future<List<Integer>> read : reads) {
                assertEquals(upTo(200), read.get());
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private static void awaitWritten(Run run, long values) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (written(run) < values && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(written(run) >= values, "the producer did not get to " + values + " values");
    }

    private static long written(Run run) {
        return run.ioStates().stream().filter(io -> io.name().equals("slow")).mapToLong(io -> io.count()).sum();
    }

    @Test
    void everyIteratorStartsAtTheBeginning() {
        Run run = datagraph.start(Flow.of("countTo"), Map.of("n", List.of(3)));
        IO<Integer> ints = run.io("ints", Integer.class);
        Iterator<Integer> first = ints.iterator();
        assertEquals(0, first.next());
        assertEquals(upTo(3), ints.stream().toList());
        assertEquals(List.of(1, 2), List.of(first.next(), first.next()));
        assertFalse(first.hasNext());
    }

    @Test
    void firstOfAStreamCompletedEmptyThrowsNoSuchElement() {
        Run run = datagraph.start(Flow.of("silent"), Map.of());
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> run.io("nothing", Integer.class).first());
        assertTrue(e.getMessage().contains("'nothing'"), e.getMessage());
    }

    @Test
    void isCompleteTurnsTrueOnceTheProducerReturns() throws InterruptedException {
        Run run = datagraph.start(Flow.of("slowCount"), Map.of("n", List.of(40)));
        IO<Integer> slow = run.io("slow", Integer.class);
        assertFalse(slow.isComplete());
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        assertTrue(slow.isComplete());
    }

    @Test
    void emitterCompletedEarlyEndsItsStreamBeforeTheProcessorReturns() {
        Run run = datagraph.start(Flow.of("earlyDone"), Map.of());
        assertEquals(List.of("only"), run.<String>io("early", String.class).stream().toList());
        assertEquals(RunStatus.RUNNING, run.status());
    }

    @Test
    void mergeDeliversEveryValueOfEveryStreamAsTheyArrive() {
        Run run = datagraph.start(Flow.of("evens", "odds", "mergeBoth"), Map.of("n", List.of(60)));
        List<Integer> merged = new ArrayList<>(run.<Integer>io("merged", Integer.class).stream().toList());
        List<Integer> arrival = List.copyOf(merged);
        Collections.sort(merged);
        assertEquals(upTo(60), merged);
        assertTrue(arrival.indexOf(1) < arrival.indexOf(58), "odds should not wait for all evens: " + arrival);
    }

    @Test
    void zipPairsTheIthValuesAndStopsAtTheShortestStream() {
        Run run = datagraph.start(RunRequest.of(Flow.of("rows"))
                .input("x", 1, 2, 3).input("y", 10, 20, 30).input("z", 100, 200));
        List<List<Integer>> rows = run.<List<Integer>>io("rows", Types.LIST_OF_INTEGER).stream().toList();
        assertEquals(List.of(List.of(1, 10, 100), List.of(2, 20, 200)), rows);
    }

    @Test
    void valuesLargerThanOneBatchArriveWhole() {
        String big = "x".repeat(300_000);
        Run run = datagraph.start(Flow.of("greet"), Map.of("names", List.of(big, "Ada")));
        List<String> greetings = run.<String>io("greetings", String.class).stream().toList();
        assertEquals(List.of("bonjour, " + big, "bonjour, Ada"), greetings);
    }

    @Test
    void stringsWithLineBreaksAndUnicodeSurviveTheRoundTrip() {
        Run run = datagraph.start(Flow.of("greet"), Map.of("names", List.of("two\nlines", "ünï\"cödé\" ✓")));
        assertEquals(List.of("bonjour, two\nlines", "bonjour, ünï\"cödé\" ✓"),
                run.<String>io("greetings", String.class).stream().toList());
    }
}
