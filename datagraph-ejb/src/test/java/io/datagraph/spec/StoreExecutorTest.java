package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With datagraph.executor.mode=store, even processors this node serves go through the store. */
@EngineTest(config = "datagraph.executor.mode=store")
class StoreExecutorTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    @Test
    void processorsThisNodeServesAreTakenFromTheStoreAndAcknowledged() {
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(5)));
        assertEquals(List.of(10, 11, 12, 13, 14), run.<Integer>io("d", Integer.class).stream().toList());
        for (String processor : List.of("foo", "bar")) {
            var dispatch = store.redisson().getStream("dg:{dispatch}:" + processor);
            assertTrue(dispatch.size() >= 1, processor + " was not dispatched through the store");
            assertEquals(0, dispatch.getPendingInfo("workers").getTotal(), processor + "'s dispatch was not acknowledged");
        }
    }
}
