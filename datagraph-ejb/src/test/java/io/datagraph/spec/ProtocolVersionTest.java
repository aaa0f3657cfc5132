package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.DatagraphException;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.protocol.ProtocolVersion;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineDeployment;
import io.datagraph.test.RedisServer;
import io.datagraph.test.TestStore;
import io.datagraph.test.TestConfig;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store records the protocol version its nodes speak; a node speaking another one does not join. */
@ExtendWith(TestStore.class)
class ProtocolVersionTest {

    @AfterEach
    void clearConfiguration() {
        TestConfig.clear();
    }

    @Test
    void theFirstNodeWritesItsProtocolVersion() throws IOException {
        TestConfig.set(Map.of("datagraph.key-prefix", "dg-proto-new"));
        try (WeldContainer container = EngineDeployment.weld().initialize()) {
            container.select(Datagraph.class).get().start(Flow.of("multiply"), Map.of("foo", List.of(1)));
            assertEquals(String.valueOf(ProtocolVersion.CURRENT), stored("dg-proto-new:protocol"));
        }
    }

    /** A string key's value, from whichever node holds it (on a Cluster, the others answer MOVED). */
    private static String stored(String key) throws IOException {
        List<RedisServer> nodes = TestStore.cluster() ? TestStore.clusterNodes() : List.of(TestStore.server());
        for (RedisServer node : nodes) {
            String reply = node.command("GET", key);
            if (reply.startsWith("$")) {
                return reply.split("\r\n")[1];
            }
        }
        throw new AssertionError("no node holds " + key);
    }

    @Test
    void aNodeOfAnotherProtocolIsRefusedSayingWhy() throws IOException {
        TestStore.server().command("SET", "dg-proto-old:protocol", "999");
        TestConfig.set(Map.of("datagraph.key-prefix", "dg-proto-old"));
        try (WeldContainer container = EngineDeployment.weld().initialize()) {
            DatagraphException e = assertThrows(DatagraphException.class, () -> container.select(Datagraph.class).get()
                    .start(Flow.of("multiply"), Map.of("foo", List.of(1))));
            assertTrue(e.getMessage().contains("protocol 999") && e.getMessage().contains("does not join"),
                    e.getMessage());
            // what readiness reports (DOWN, with this as its error)
            assertTrue(container.select(NodeDirectory.class).get().refused().orElseThrow().contains("protocol 999"));
        }
    }
}
