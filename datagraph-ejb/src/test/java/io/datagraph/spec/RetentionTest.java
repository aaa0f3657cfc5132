package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.UnknownRunException;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's keys share a hash tag and expire once it ends (configured: datagraph.run.ttl=PT10M). */
@EngineTest
class RetentionTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    private Set<String> keysOf(Run run) {
        Set<String> keys = new TreeSet<>();
        store.redisson().getKeys().getKeysByPattern("*" + run.id() + "*").forEach(keys::add);
        return keys;
    }

    /** The full names of a run's keys, from their suffixes (every key carries the run id as hash tag). */
    private static Set<String> runKeys(Run run, String... suffixes) {
        Set<String> keys = new TreeSet<>();
        for (String suffix : suffixes) {
            keys.add("dg:{" + run.id() + "}:" + suffix);
        }
        return keys;
    }

    @Test
    void everyKeyOfARunCarriesItsIdAsHashTag() throws InterruptedException {
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(4)));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        assertEquals(runKeys(run, "meta", "io:a", "io:b", "io:c", "io:d"), keysOf(run));
    }

    @Test
    void keysOfACompletedRunExpireAfterTheConfiguredTtl() throws InterruptedException {
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(4)));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        assertEquals(runKeys(run, "meta", "io:a", "io:b", "io:c", "io:d"), keysOf(run));
        for (String key : keysOf(run)) {
            long ttl = store.redisson().getKeys().remainTimeToLive(key);
            assertTrue(ttl > 590_000 && ttl <= 600_000, key + " expires in " + ttl + " ms");
        }
    }

    @Test
    void keysOfAFailedRunExpireToo() throws InterruptedException {
        Run run = datagraph.start(Flow.of("boom"), Map.of("n", List.of(2)));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        assertEquals(runKeys(run, "meta", "io:n", "io:partial"), keysOf(run));
        for (String key : keysOf(run)) {
            assertTrue(store.redisson().getKeys().remainTimeToLive(key) > 0, key + " does not expire");
        }
    }

    @Test
    void keysOfARunningRunDoNotExpire() {
        Run run = datagraph.start(Flow.of("sleeper"), Map.of());
        assertEquals(runKeys(run, "meta"), keysOf(run));
        for (String key : keysOf(run)) {
            assertEquals(-1, store.redisson().getKeys().remainTimeToLive(key), key);
        }
        run.cancel();
    }

    @Test
    void runWithItsOwnRetentionIsGoneOnceItElapses() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 2).retention(Duration.ofSeconds(1)));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        assertFalse(keysOf(run).isEmpty());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!keysOf(run).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(Set.of(), keysOf(run));
        assertThrows(UnknownRunException.class, () -> datagraph.run(run.id()));
    }
}
