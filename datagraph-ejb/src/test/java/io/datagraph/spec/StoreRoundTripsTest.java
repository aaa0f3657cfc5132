package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Processor;
import io.datagraph.RunStatus;
import io.datagraph.engine.run.RunAdmission;
import io.datagraph.engine.store.Signals;
import io.datagraph.testing.Await;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.testing.StoreProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one small flow costs the store, counted with {@code MONITOR} on a store of its own: the
 * commands this node sends that name the run (scripts count once, whatever they run inside). The
 * linger is long here (10 s), so that no value can go before its processor returns, and so is the poll
 * interval (30 s), so that a reader fetches only when a signal wakes it, however loaded the machine.
 */
@EngineTest
@DatagraphTest(beans = {StoreRoundTripsTest.HeldBack.class, StoreRoundTripsTest.Follower.class},
        config = {"datagraph.emit.linger=PT10S", "datagraph.read.poll-interval=PT30S"})
class StoreRoundTripsTest {

    /** Emits 7 once the test lets it. */
    @ApplicationScoped
    public static class HeldBack {
        static final CountDownLatch GO = new CountDownLatch(1);

        @Processor(name = "heldBack", inputs = "go", outputs = "held")
        public void emit(IO<Integer> go, Emitter<Integer> held) throws InterruptedException {
            go.first();
            GO.await(60, TimeUnit.SECONDS);
            held.emit(7);
        }
    }

    /** Passes on what it reads; says which thread reads. */
    @ApplicationScoped
    public static class Follower {
        static volatile Thread reading;

        @Processor(name = "follower", inputs = "held", outputs = "followed")
        public void follow(IO<Integer> held, Emitter<Integer> followed) {
            reading = Thread.currentThread();
            held.forEach(followed::emit);
        }
    }

    @DatagraphTest.OwnStore
    static RedisServer store;

    @Inject
    Datagraph datagraph;

    @Inject
    RunAdmission admission;


    @BeforeAll
    void scriptsLoaded() {
        // the first call of each script loads it: not what a flow costs
        multiplyThree();
    }

    /**
     * Read once it ended, the output costs one fetch: admit, create, attempt (which fetches the input
     * too), finish, release, read the output. A reader that follows the output while it is written adds a
     * fetch per signal it wakes on, and a processor that runs longer than the linger an append per batch.
     */
    @Test
    void aOneProcessorFlowReadOnceEndedCostsSixRoundTrips() {
        List<String> trips = roundTripsOf(this::multiplyThree);
        assertEquals(6, trips.size(), String.join("\n", trips));
    }

    /** multiply emits 0, 2, 4 and returns within the linger: no value costs an append, all ride on its finish. */
    @Test
    void aProcessorThatReturnsWithinTheLingerCostsNoAppend() {
        List<String> trips = roundTripsOf(this::multiplyThree);
        List<String> appends = trips.stream().filter(StoreRoundTripsTest::appendsToBar).toList();
        String finish = trips.stream().filter(trip -> trip.contains("\"multiply#1\"") && !appendsToBar(trip))
                .filter(trip -> occurrences(trip, "\"bar\"") >= 2).reduce((first, last) -> last).orElse("");
        assertEquals(List.of(), appends);
        // the finish names bar as its output and among the run's streams; a third time for the values it carries
        assertTrue(occurrences(finish, "\"bar\"") >= 3, "the finish carries no value:\n" + String.join("\n", trips));
    }

    /**
     * follower starts while its input is still empty: starting its attempt fetched that (nothing), and it
     * then waits for a signal with no fetch of its own; once heldBack has written, one fetch takes all.
     */
    @Test
    void aReaderWhoseInputIsEmptyWhenItStartsFetchesItOnlyOnceWrittenTo() {
        List<String> trips = roundTripsOf(this::followHeldBack);
        // a fetch names the stream's key, then its start, its limit and the reader
        Pattern fetch = Pattern.compile(":io:held\" \"[^\"]*\" \"\\d+\" \"follower\"");
        List<String> fetches = trips.stream().filter(trip -> fetch.matcher(trip).find()).toList();
        assertEquals(1, fetches.size(), String.join("\n", trips));
    }

    /**
     * A reader that joins a long stream asks for two entries first and twice as many each time after, up
     * to {@code datagraph.read.batch} (32): its first value costs the transfer of two entries, not of 32.
     * range's 300,000 numbers fill 293 entries of 1,024 values (the tests' {@code datagraph.emit.batch}).
     */
    @Test
    void aReaderJoiningALongStreamFetchesTwoEntriesFirstThenTwiceAsManyEachTime() throws InterruptedException {
        Run run = datagraph.start("squares", Map.of("count", List.of(300_000)));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(60)));
        long[] read = new long[1];
        List<String> trips = new StoreProbe(URI.create(store.url()))
                .monitor(() -> read[0] = run.<Long>io("numbers", Long.class).stream().count()).stream()
                .filter(line -> !line.contains(" lua]") && line.contains(run.id())).toList();
        assertEquals(300_000, read[0]);
        // a fetch names the stream's key, then its start, its limit and the reader (none here)
        Pattern fetch = Pattern.compile(":io:numbers\" \"[^\"]*\" \"(\\d+)\" \"\"");
        List<Integer> limits = trips.stream().map(fetch::matcher).filter(java.util.regex.Matcher::find)
                .map(found -> Integer.parseInt(found.group(1))).toList();
        assertEquals(List.of(2, 4, 8, 16, 32), limits.subList(0, Math.min(5, limits.size())), String.join("\n", trips));
        assertEquals(List.of(32), limits.stream().skip(5).distinct().toList(), String.join("\n", trips));
    }

    /**
     * Starts heldBack → follower, lets heldBack emit once follower waits for a signal (its thread parked in
     * {@link Signals.Watch#await}), and waits for the run to complete; answers the run's id.
     */
    private String followHeldBack() {
        Run run = datagraph.start(Flow.of("heldBack", "follower"), Map.of("go", List.of(1)));
        try {
            Await.until(() -> Follower.reading != null && Arrays.stream(Follower.reading.getStackTrace())
                            .anyMatch(frame -> frame.getClassName().equals(Signals.Watch.class.getName())
                                    && frame.getMethodName().equals("await")), Duration.ofSeconds(30),
                    "the follower did not wait for a signal within 30 s");
            HeldBack.GO.countDown();
            assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return run.id();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Starts multiply with input [3], waits until this node released the ended run, then reads its
     * output [0, 2, 4]; answers the run's id.
     */
    private String multiplyThree() {
        Run run = datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 3));
        try {
            Await.until(() -> !admission.admitted().contains(run.id()), Duration.ofSeconds(30),
                    "the run was not released within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(List.of(0, 2, 4), run.<Integer>io("bar", Integer.class).stream().toList());
        return run.id();
    }

    private static boolean appendsToBar(String command) {
        return command.contains(":io:bar\" \"bar\"");
    }

    /** The commands sent while {@code flow} ran that name its run; scripts' inner commands left out. */
    private List<String> roundTripsOf(Supplier<String> flow) {
        String[] runId = new String[1];
        List<String> seen = new StoreProbe(URI.create(store.url())).monitor(() -> runId[0] = flow.get());
        return seen.stream().filter(line -> !line.contains(" lua]") && line.contains(runId[0])).toList();
    }
}
