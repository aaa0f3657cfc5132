package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.Await;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.testing.Types;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store behind Redis Sentinel (a master, a replica, three sentinels on loopback: datagraph.redis.sentinel-*):
 * mid-run, the replica falls behind (its link cut while it is frozen) and the master, having
 * acknowledged writes the replica never got, is killed with kill -9; the sentinels promote the
 * replica. The run never completes with values missing and never hangs: it completes exactly, or
 * fails naming the store's failover. Readiness goes DOWN, then UP once the replica took over, and new
 * runs work.
 */
@EngineTest
class SentinelFailoverTest {

    private static final String MASTER_NAME = "dgmaster";
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final RedisServer MASTER = RedisServer.start("--repl-diskless-sync-delay", "0");
    private static final RedisServer REPLICA = RedisServer.start("--replicaof", "127.0.0.1", String.valueOf(MASTER.port()));
    private static final List<RedisServer> SENTINELS = Stream.generate(() -> RedisServer.startSentinel(MASTER_NAME,
            MASTER.port())).limit(3).toList();

    @Inject
    Datagraph datagraph;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @DatagraphTest.Configuration
    static Map<String, String> behindSentinel() {
        return Map.of("datagraph.redis.sentinel-nodes", SENTINELS.stream().map(RedisServer::url).collect(Collectors.joining(",")),
                "datagraph.redis.sentinel-master", MASTER_NAME, "datagraph.redis.cluster-nodes", "",
                "datagraph.redis.timeout", "PT1S");
    }

    @AfterAll
    void stopTheStore() {
        SENTINELS.forEach(RedisServer::close);
        REPLICA.close();
        MASTER.close();
    }

    private HealthCheckResponse.Status storeReadiness() {
        return readiness.stream().map(HealthCheck::call).filter(r -> r.getName().equals("datagraph-store"))
                .findFirst().orElseThrow().getStatus();
    }

    private static long consumed(Run run) {
        return run.ioStates().stream().filter(io -> io.name().equals("consumed")).mapToLong(IOState::count).sum();
    }

    private static boolean replicaInSync() {
        try {
            return REPLICA.command("INFO", "replication").contains("master_link_status:up");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean promoted() {
        try {
            return SENTINELS.get(0).command("SENTINEL", "get-master-addr-by-name", MASTER_NAME)
                    .contains(String.valueOf(REPLICA.port()));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aRunWhoseMasterDiesCompletesExactlyOrFailsNamingTheFailoverAndNewRunsWork() throws Exception {
        Await.until(() -> storeReadiness() == HealthCheckResponse.Status.UP, DEADLINE, "the store behind Sentinel never became ready");
        Await.until(SentinelFailoverTest::replicaInSync, DEADLINE, "the replica never caught up with the master");
        Run run = datagraph.start(Flow.of("producer", "consumer"), Map.of("input", List.of(600)));
        Await.until(() -> consumed(run) >= 50, DEADLINE, "the consumer did not get under way");

        // the replica falls behind: frozen, its link cut, while the master acknowledges more writes
        REPLICA.pause();
        MASTER.command("CLIENT", "KILL", "TYPE", "replica");
        long before = consumed(run);
        Await.until(() -> consumed(run) >= before + 20, DEADLINE, "the run made no progress on the master alone");
        MASTER.stop(); // kill -9: what only it held is gone
        REPLICA.resume();
        Await.until(() -> storeReadiness() == HealthCheckResponse.Status.DOWN, DEADLINE, "readiness stayed UP without a master");
        Await.until(SentinelFailoverTest::promoted, DEADLINE, "the sentinels did not promote the replica");
        Await.until(() -> storeReadiness() == HealthCheckResponse.Status.UP, DEADLINE, "readiness stayed DOWN after the failover");

        RunStatus status = Await.endThroughStoreTrouble(run, DEADLINE);
        assertTrue(status.isTerminal(), "the run hangs after the failover: " + status);
        if (status == RunStatus.COMPLETED) {
            List<Long> indexes = Types.indexes(run.<List<Long>>io("consumed", Types.LIST_OF_LONG).stream().toList());
            assertEquals(LongStream.range(0, 600).boxed().toList(), indexes, "completed with values missing");
        } else {
            assertEquals(RunStatus.FAILED, status);
            String message = run.failure().orElseThrow().message();
            assertTrue((message.contains("failed over") || message.contains("came back without its data"))
                    && message.contains(MASTER_NAME), message);
        }
        Run after = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3)));
        assertEquals(List.of(0, 2, 4), after.<Integer>io("bar", Integer.class).stream().toList());
    }


}
