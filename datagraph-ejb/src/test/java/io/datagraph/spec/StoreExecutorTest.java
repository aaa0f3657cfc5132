package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineDeployment;
import io.datagraph.testing.SharedRedis;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With datagraph.executor.mode=store, even processors this node serves go through the store. */
@ExtendWith(SharedRedis.class)
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreExecutorTest {

    @WeldSetup
    WeldInitiator weld = EngineDeployment.initiator(DispatchEverything.class);

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    /** This node's configuration: the store executor. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class DispatchEverything extends EngineConfig {
        @Override
        public boolean dispatchEverything() {
            return true;
        }
    }

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
