package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.engine.run.RunAdmission;
import io.datagraph.testing.Await;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.RedisServer;
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

    @EngineTest.Configuration
    static Map<String, String> ownStore() {
        return STORE.asTheStore();
    }

    @AfterAll
    void stopTheStore() {
        STORE.close();
    }

    @BeforeAll
    void scriptsLoaded() throws InterruptedException {
        // the first call of each script loads it: not what a flow costs
        multiplyThree();
    }

    @Test
    void aOneProcessorFlowStartedAndReadCostsAtMostTenRoundTrips() {
        List<String> trips = roundTripsOf(this::multiplyThree);
        assertTrue(trips.size() <= 10, trips.size() + " round trips:\n" + String.join("\n", trips));
    }

    @Test
    void aProcessorsLastValuesRideOnItsFinish() {
        // multiply emits 0, 2, 4: the first goes out at once, the other two with the finish
        List<String> appends = roundTripsOf(this::multiplyThree).stream().filter(line -> line.contains(":io:bar\" \"bar\""))
                .toList();
        assertEquals(1, appends.size(), String.join("\n", appends));
    }

    /** Starts multiply with input [3] and reads its output [0, 2, 4], as a client of the REST API does. */
    private Run multiplyThree() {
        Run run = datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 3));
        assertEquals(List.of(0, 2, 4), run.<Integer>io("bar", Integer.class).stream().toList());
        return run;
    }

    /**
     * The commands sent while {@code flow} ran, until the run ended, that name its run; scripts' inner
     * commands left out.
     */
    private List<String> roundTripsOf(java.util.function.Supplier<Run> flow) {
        Run[] run = new Run[1];
        List<String> seen = probe.monitor(() -> {
            run[0] = flow.get();
            // the node releases an ended run once it hears the run's end: wait for that too (ZRANGE, not naming it)
            try {
                Await.until(() -> !admission.admitted().contains(run[0].id()), Duration.ofSeconds(30),
                        "the run was not released within 30 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        String id = run[0].id();
        return seen.stream().filter(line -> !line.contains(" lua]") && line.contains(id)).toList();
    }
}
