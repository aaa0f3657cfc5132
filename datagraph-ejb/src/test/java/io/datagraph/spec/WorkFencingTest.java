package io.datagraph.spec;

import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StatusReply;
import io.datagraph.engine.protocol.WorkUnit;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Claims of element-wise work are fenced by owner and delivery count: a worker that paused past its
 * lease, whose unit another worker reclaimed, can neither commit it nor keep it alive (which would steal
 * it back). Played out on the scripts against a real store, with two workers' consumer names.
 */
@EngineTest
class WorkFencingTest {

    @Inject
    StoreClient store;

    private RunKeys keys;

    @BeforeEach
    void aRunWithOneUnitOfWork() {
        keys = new RunKeys("dg-fencing", UUID.randomUUID().toString());
        store.redisson().getMap(keys.meta(), StringCodec.INSTANCE).putAll(Map.of("status", "RUNNING", "units:p", "1",
                "done:p", "0", "unit:p", "1"));
        var input = store.redisson().<String, String>getStream(keys.stream("in"), StringCodec.INSTANCE);
        var entry = input.add(StreamAddArgs.entries(Map.of("n", "1", "v", "7")));
        store.redisson().<String, String>getStream(keys.work("p"), StringCodec.INSTANCE)
                .createGroup(org.redisson.api.stream.StreamCreateGroupArgs.name(WorkUnit.GROUP).makeStream());
        store.redisson().<String, String>getStream(keys.work("p"), StringCodec.INSTANCE)
                .add(StreamAddArgs.entries(Map.of("e", entry.toString(), "a", "0", "b", "1")));
    }

    private WorkUnit claim(String worker, long leaseMillis) {
        List<WorkUnit> units = store.call(Scripts.claim(keys, "p", "in", worker, 1, leaseMillis)).units();
        assertEquals(1, units.size(), worker + " claimed nothing");
        return units.get(0);
    }

    private StatusReply commit(String worker, WorkUnit unit, String result) {
        return store.call(Scripts.commit(keys, "p", "in", worker, List.of(unit), 1,
                List.of(new Scripts.Results("out", new EntryCodec.Batch(1, result, ""))), List.of(), List.of()));
    }

    @Test
    void aWorkerWhoseUnitWasReclaimedCannotCommitIt() {
        WorkUnit first = claim("w1", 60_000);
        WorkUnit second = claim("w2", 0); // w1 is past its lease: w2 reclaims, another delivery
        assertEquals(first.deliveries() + 1, second.deliveries());
        assertEquals("STOLEN", commit("w1", first, "70").status());
        assertTrue(commit("w2", second, "70").ok());
        assertEquals(1, store.redisson().getStream(keys.stream("out"), StringCodec.INSTANCE).size(),
                "the result was written twice, or not at all");
    }

    @Test
    void aWorkerWhoseUnitWasReclaimedCannotKeepItAliveNorStealItBack() {
        WorkUnit first = claim("w1", 60_000);
        claim("w2", 0);
        assertEquals(List.of(first.id()), store.call(Scripts.keepAlive(keys, "p", "w1", List.of(first))));
        var pending = store.redisson().getStream(keys.work("p"), StringCodec.INSTANCE)
                .listPending(WorkUnit.GROUP, org.redisson.api.StreamMessageId.MIN, org.redisson.api.StreamMessageId.MAX, 10);
        assertEquals("w2", pending.get(0).getConsumerName());
    }

    @Test
    void aCommittedUnitIsNotCommittedAgainWhenTheCommitIsRetried() {
        WorkUnit unit = claim("w1", 60_000);
        assertTrue(commit("w1", unit, "70").ok());
        assertEquals("STOLEN", commit("w1", unit, "70").status(), "a retried commit must find the unit done");
        assertEquals(1, store.redisson().getStream(keys.stream("out"), StringCodec.INSTANCE).size());
    }
}
