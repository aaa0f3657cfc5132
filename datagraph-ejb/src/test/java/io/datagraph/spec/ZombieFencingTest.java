package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineNode;
import io.datagraph.testing.Await;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.testing.Types;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node that only stalls (kill -STOP: a long GC pause, a frozen VM) past the takeover of the
 * dispatched processor it ran, then wakes (kill -CONT): a zombie. Whatever it does on waking, its
 * writes and keep-alives are refused, it cannot take the dispatch entry back from the new owner, the
 * output is exact and no key of the run reappears after the run's end. This JVM serves the producer,
 * two other JVMs the consumer (heartbeat 0.5 s: a node is taken for dead after 1.5 s).
 */
@EngineTest
@DatagraphTest(config = "datagraph.processors.enabled=producer")
class ZombieFencingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    @Inject
    NodeDirectory directory;

    private final Map<String, EngineNode> consumers = new HashMap<>();

    @BeforeEach
    void startConsumerNodes() throws Exception {
        consumers.put("zombie-a", EngineNode.start("zombie-a", "consumer"));
        consumers.put("zombie-b", EngineNode.start("zombie-b", "consumer"));
    }

    @AfterEach
    void stopConsumerNodes() throws Exception {
        for (EngineNode node : consumers.values()) {
            node.resume();
            node.close();
        }
    }

    @Test
    void aStalledNodeWakingDuringTheNewAttemptIsFencedOff() throws Exception {
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(600)));
        String stalled = stallConsumerNodeOnceUnderway(run);
        String entry = dispatchEntry();
        Await.until(() -> "2".equals(meta(run).get("attempt:consumer")), DEADLINE, "the consumer was not taken over");
        String owner = meta(run).get("node:consumer");
        assertTrue(!owner.equals(stalled), "the new attempt runs on the stalled node");
        assertEquals(RunStatus.RUNNING, run.status(), "the run ended before the stalled node could wake during it");

        consumers.get(stalled).resume();
        awaitWokenUp(stalled);
        assertEquals(RunStatus.RUNNING, run.status(), "the run ended before the woken node's keep-alive ran");
        assertEquals(owner, pendingOwner(entry), "the woken node took the dispatch entry back");

        assertEquals(RunStatus.COMPLETED, run.await(DEADLINE), () -> "run ended " + run.failure());
        assertExactOutput(run);
        assertEquals("2", meta(run).get("attempt:consumer"), "the woken node started another attempt");
    }

    @Test
    void aStalledNodeWakingAfterTheRunEndedLeavesNoKeyBehind() throws Exception {
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(300)));
        String stalled = stallConsumerNodeOnceUnderway(run);
        assertEquals(RunStatus.COMPLETED, run.await(DEADLINE), () -> "run ended " + run.failure());
        Set<String> keysAtTheEnd = runKeys(run);
        assertTrue(keysAtTheEnd.stream().allMatch(key -> store.redisson().getKeys().remainTimeToLive(key) > 0),
                "a key of the ended run does not expire: " + keysAtTheEnd);

        consumers.get(stalled).resume();
        awaitWokenUp(stalled);
        assertEquals(keysAtTheEnd, runKeys(run), "the woken node's writes left keys behind");
        assertTrue(keysAtTheEnd.stream().allMatch(key -> store.redisson().getKeys().remainTimeToLive(key) > 0),
                "the woken node's writes made a key of the ended run permanent");
        assertExactOutput(run);
        assertEquals(0, store.redisson().getStream("dg:{dispatch}:consumer").size(), "a dispatch entry stayed");
    }

    /** Waits until the consumer has emitted some values, stalls the node running it, and returns its id. */
    private String stallConsumerNodeOnceUnderway(Run run) throws Exception {
        Await.until(() -> consumed(run) >= 60, DEADLINE, "the consumer did not get under way");
        String node = meta(run).get("node:consumer");
        consumers.get(node).pause();
        return node;
    }

    /**
     * The woken node's first heartbeat renews it in the directory; its dispatch loop (keep-alive) and
     * processor thread were runnable all along, so two more heartbeats leave them time to act.
     */
    private void awaitWokenUp(String node) throws InterruptedException {
        Await.until(() -> directory.isLive(node), DEADLINE, "the woken node did not beat again");
        for (int beats = 0; beats < 2; beats++) {
            double seen = liveUntil(node);
            Await.until(() -> liveUntil(node) > seen, DEADLINE, "the woken node stopped beating");
        }
    }

    private double liveUntil(String node) {
        Double score = store.redisson().<String>getScoredSortedSet("dg:nodes", StringCodec.INSTANCE).getScore(node);
        return score == null ? 0 : score;
    }

    private void assertExactOutput(Run run) {
        List<Long> indexes = Types.indexes(run.<List<Long>>io("consumed", Types.LIST_OF_LONG).stream().toList());
        long expected = run.ioStates().stream().filter(io -> io.name().equals("produced")).mapToLong(IOState::count).sum();
        assertEquals(LongStream.range(0, expected).boxed().toList(), indexes);
    }

    private Set<String> runKeys(Run run) {
        Set<String> keys = new TreeSet<>();
        store.redisson().getKeys().getKeysByPattern("dg:{" + run.id() + "}*").forEach(keys::add);
        return keys;
    }

    private String dispatchEntry() {
        RStream<String, String> stream = store.redisson().getStream("dg:{dispatch}:consumer", StringCodec.INSTANCE);
        List<StreamMessageId> ids = new ArrayList<>(stream.range(StreamMessageId.MIN, StreamMessageId.MAX).keySet());
        assertEquals(1, ids.size(), "one dispatch entry, the running consumer's");
        return ids.get(0).toString();
    }

    private String pendingOwner(String entry) {
        var pending = store.redisson().getStream("dg:{dispatch}:consumer", StringCodec.INSTANCE)
                .listPending("workers", parse(entry), parse(entry), 1);
        return pending.isEmpty() ? null : pending.get(0).getConsumerName();
    }

    private static StreamMessageId parse(String id) {
        String[] parts = id.split("-");
        return new StreamMessageId(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private Map<String, String> meta(Run run) {
        return store.redisson().<String, String>getMap("dg:{" + run.id() + "}:meta", StringCodec.INSTANCE).readAllMap();
    }

    private static long consumed(Run run) {
        return run.ioStates().stream().filter(io -> io.name().equals("consumed")).mapToLong(IOState::count).sum();
    }

}
