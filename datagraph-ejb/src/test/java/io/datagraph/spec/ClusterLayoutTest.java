package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.test.TestStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a Redis Cluster (the surefire execution {@code cluster}), runs spread over the masters and all
 * keys of one run sit on one master, thanks to the run id hash tag.
 */
@EngineTest
class ClusterLayoutTest {

    @Inject
    Datagraph datagraph;

    @Test
    void runsSpreadOverTheMastersAndEachRunLivesOnOne() throws Exception {
        assumeTrue(TestStore.cluster(), "only meaningful on a Redis Cluster");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            runs.add(datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(3))));
        }
        for (Run run : runs) {
            assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        }
        List<RedisServer> masters = clusterNodes();
        int mastersUsed = 0;
        for (RedisServer master : masters) {
            if (!keysOn(master, "dg:{*").isEmpty()) {
                mastersUsed++;
            }
        }
        assertTrue(mastersUsed >= 2, "24 runs all landed on one of " + masters.size() + " masters");
        for (Run run : runs) {
            int holding = 0;
            for (RedisServer master : masters) {
                List<String> keys = keysOn(master, "*" + run.id() + "*");
                if (!keys.isEmpty()) {
                    holding++;
                    assertEquals(5, keys.size(), keys.toString());
                }
            }
            assertEquals(1, holding, "run " + run.id() + " is spread over several masters");
        }
    }

    private static List<RedisServer> clusterNodes() {
        return TestStore.clusterNodes();
    }

    private static List<String> keysOn(RedisServer node, String pattern) throws IOException {
        return node.command("KEYS", pattern).lines().filter(line -> line.startsWith("dg:")).toList();
    }
}
