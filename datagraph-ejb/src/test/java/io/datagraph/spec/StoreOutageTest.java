package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.StoreUnavailableException;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.test.TestStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the store gone, starting a run fails with an error naming the store; once back, runs start again. */
@EngineTest
class StoreOutageTest {

    @Inject
    Datagraph datagraph;

    @Test
    void startFailsClearlyWhileTheStoreIsDownAndWorksOnceItIsBack() throws InterruptedException {
        RedisServer redis = TestStore.server();
        datagraph.processors(); // the engine is up and connected
        redis.stop();
        try {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                    () -> datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3))));
            assertTrue(e.getMessage().contains(redis.url()), e.getMessage());
        } finally {
            redis.restart();
        }
        Run run = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (run == null) {
            try {
                run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3)));
            } catch (StoreUnavailableException reconnecting) {
                if (System.nanoTime() > deadline) {
                    throw reconnecting;
                }
                Thread.sleep(200);
            }
        }
        assertEquals(List.of(0, 2, 4), run.<Integer>io("bar", Integer.class).stream().toList());
    }
}
