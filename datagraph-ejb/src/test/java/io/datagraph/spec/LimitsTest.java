package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.LimitExceededException;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineDeployment;
import io.datagraph.testing.RunKeyCount;
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
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configured limits refuse a request whole, saying which limit and key, and write nothing. */
@ExtendWith(SharedRedis.class)
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsTest {

    @WeldSetup
    WeldInitiator weld = EngineDeployment.initiator(SmallLimits.class);

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    /** This node's configuration: tiny limits. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class SmallLimits extends EngineConfig {
        @Override
        public int maxProcessors() {
            return 2;
        }

        @Override
        public int maxValuesPerInput() {
            return 10;
        }

        @Override
        public int maxValueBytes() {
            return 100;
        }
    }

    private LimitExceededException refused(Executable request) {
        long before = RunKeyCount.of(store);
        LimitExceededException e = assertThrows(LimitExceededException.class, request);
        assertEquals(before, RunKeyCount.of(store), "a refused request must write nothing");
        return e;
    }

    @Test
    void flowWithTooManyProcessorsIsRefused() {
        LimitExceededException e = refused(() -> datagraph.start(Flow.of("foo", "bar", "foobar"), Map.of("a", List.of(1))));
        assertEquals(LimitExceededException.Limit.PROCESSORS_PER_FLOW, e.limit());
        assertTrue(e.getMessage().contains("datagraph.limits.processors-per-flow"), e.getMessage());
    }

    @Test
    void tooManyValuesForAnInputAreRefused() {
        LimitExceededException e = refused(() -> datagraph.start(Flow.of("greet"),
                Map.of("names", Collections.nCopies(11, "x"))));
        assertEquals(LimitExceededException.Limit.VALUES_PER_INPUT, e.limit());
    }

    @Test
    void tooLargeAValueIsRefusedAtStartAndInAppends() {
        refused(() -> datagraph.start(Flow.of("greet"), Map.of("names", List.of("x".repeat(200)))));
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        assertThrows(LimitExceededException.class, () -> run.append("names", List.of("x".repeat(200))));
        run.cancel();
    }

    @Test
    void processorEmittingTooLargeAValueFailsItsRun() throws InterruptedException {
        // greet emits "bonjour, " + name: 95 characters of name make a value over 100
        Run run = datagraph.start(Flow.of("greet"), Map.of("names", List.of("y".repeat(95))));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        assertTrue(run.failure().orElseThrow().message().contains("datagraph.limits.value-bytes"),
                run.failure().toString());
    }
}
