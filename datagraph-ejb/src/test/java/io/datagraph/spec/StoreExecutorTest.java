package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With datagraph.executor.mode=store, even processors this node serves go through the store. */
@EngineTest
@DatagraphTest(config = "datagraph.executor.mode=store")
class StoreExecutorTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    private RStream<Object, Object> dispatch(String processor) {
        return store.redisson().getStream("dg:{dispatch}:" + processor);
    }

    private Map<String, String> meta(Run run) {
        return store.redisson().<String, String>getMap("dg:{" + run.id() + "}:meta").readAllMap();
    }

    /** A dispatch stream holds only invocations not yet ended: waits (with a deadline) until it is empty. */
    private long lengthOnceSettled(String processor) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (dispatch(processor).size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return dispatch(processor).size();
    }

    @Test
    void processorsThisNodeServesAreTakenFromTheStoreAndTheirEntriesGo() throws InterruptedException {
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(5)));
        assertEquals(List.of(10, 11, 12, 13, 14), run.<Integer>io("d", Integer.class).stream().toList());
        for (String processor : List.of("foo", "bar")) {
            assertEquals("store", meta(run).get("via:" + processor), processor + " was not dispatched through the store");
            assertEquals(0, lengthOnceSettled(processor), processor + "'s dispatch entry stayed");
            assertEquals(0, dispatch(processor).getPendingInfo("workers").getTotal(), processor + "'s dispatch is pending");
        }
    }

    @Test
    void aThousandDispatchedRunsLeaveNoEntryBehind() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                runs.add(datagraph.start(Flow.of("foo"), Map.of("a", List.of(1))));
            }
            for (Run run : runs) {
                assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(60)));
            }
        }
        assertEquals(0, lengthOnceSettled("foo"), "the dispatch stream keeps ended invocations");
    }
}
