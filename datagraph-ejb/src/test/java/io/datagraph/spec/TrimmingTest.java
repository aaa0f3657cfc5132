package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.DatagraphException;
import io.datagraph.OutputSelection;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Internal streams drop what their readers consumed, so long runs keep store memory bounded. */
@EngineTest
class TrimmingTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    private long entries(Run run, String stream) {
        return store.redisson().getStream("dg:{" + run.id() + "}:io:" + stream).size();
    }

    @Test
    void internalStreamIsTrimmedAsItsReaderConsumesIt() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("flood", "trickle")).input("n", 100_000)
                .outputs(OutputSelection.FINAL));
        // both flood and trickle are in the last partition, so water is selected: nothing is trimmed
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(60)));
        assertTrue(entries(run, "water") >= 100_000 / 1024, "a selected output must keep its values");

        // flood → tally: tally awaits its inputs, so it is the last partition and water is internal
        Run internal = datagraph.start(RunRequest.of(Flow.of("flood", "tally")).input("n", 100_000));
        assertEquals(List.of(100_000L), internal.<Long>io("tallied", Long.class).stream().toList());
        // trimming follows the reader one fetch behind, and a reader reads ahead while it takes its last fetched
        // entry: at most that entry, one fetch (datagraph.read.batch = 32 entries) and the end marker stay
        assertTrue(entries(internal, "water") <= 1 + 32 + 1, "water still holds " + entries(internal, "water") + " entries");
    }

    @Test
    void readingATrimmedStreamFromItsStartSaysWhyItCannot() {
        Run run = datagraph.start(RunRequest.of(Flow.of("flood", "tally")).input("n", 100_000));
        run.<Long>io("tallied", Long.class).stream().toList();
        DatagraphException e = assertThrows(DatagraphException.class, () -> run.io("water", Integer.class).first());
        assertTrue(e.getMessage().contains("'water'") && e.getMessage().contains("outputs ALL"), e.getMessage());
    }

    @Test
    void allOutputsSelectedKeepsEveryStream() {
        Run run = datagraph.start(RunRequest.of(Flow.of("flood", "tally")).input("n", 10_000).outputs(OutputSelection.ALL));
        run.<Long>io("tallied", Long.class).stream().toList();
        assertEquals(10_000, run.io("water", Integer.class).stream().count());
    }
}
