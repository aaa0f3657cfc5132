package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.engine.run.RunAdmission;
import io.datagraph.testing.Await;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.testing.StoreProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one small flow costs the store, counted with {@code MONITOR} on a store of its own: the
 * commands this node sends that name the run (scripts count once, whatever they run inside).
 */
@EngineTest
class StoreRoundTripsTest {

    private static final RedisServer STORE = RedisServer.start();

    @Inject
    Datagraph datagraph;

    @Inject
    RunAdmission admission;

    private final StoreProbe probe = new StoreProbe(URI.create(STORE.url()));

    @DatagraphTest.Configuration
    static Map<String, String> ownStore() {
        return STORE.asTheStore();
    }

    @AfterAll
    void stopTheStore() {
        STORE.close();
    }

    @BeforeAll
    void scriptsLoaded() {
        // the first call of each script loads it: not what a flow costs
        multiplyThree();
    }

    /**
     * Read once it ended, the output costs one fetch, so the bound holds whatever the timing: admit,
     * create, attempt, read the input, finish, release, read the output, and the appends, at most one
     * per value (usually one in all). A reader that follows the output while it is written adds a fetch
     * per signal it wakes on (8.7–9.7 round trips in all on average, measured by {@code ./benchmark small}).
     */
    @Test
    void aOneProcessorFlowReadOnceEndedCostsAtMostTenRoundTrips() {
        List<String> trips = roundTripsOf(this::multiplyThree);
        long appends = trips.stream().filter(StoreRoundTripsTest::appendsToBar).count();
        assertTrue(trips.size() - appends <= 7 && trips.size() <= 10, trips.size() + " round trips:\n" + String.join("\n", trips));
    }

    @Test
    void aProcessorsLastValuesRideOnItsFinish() {
        // multiply emits 0, 2, 4: the first goes out at once, the other two with the finish
        List<String> appends = roundTripsOf(this::multiplyThree).stream().filter(StoreRoundTripsTest::appendsToBar).toList();
        assertEquals(1, appends.size(), String.join("\n", appends));
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
    private List<String> roundTripsOf(java.util.function.Supplier<String> flow) {
        String[] runId = new String[1];
        List<String> seen = probe.monitor(() -> runId[0] = flow.get());
        return seen.stream().filter(line -> !line.contains(" lua]") && line.contains(runId[0])).toList();
    }
}
