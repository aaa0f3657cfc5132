package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine logs in as an ACL user (datagraph.redis.username/password) that may touch only the
 * engine's own keys and channels: least privilege is enough.
 */
@EngineTest
class AclStoreTest {

    /** No anonymous access; one user limited to keys and channels under the engine's prefix. */
    private static final RedisServer GUARDED = RedisServer.start(
            "--user", "default", "off",
            "--user", "datagraph", "on", ">s3cret", "~dg:*", "&dg:*", "+@all");

    @Inject
    Datagraph datagraph;

    @DatagraphTest.Configuration
    static Map<String, String> aclUser() {
        return Map.of("datagraph.redis.url", GUARDED.url(), "datagraph.redis.username", "datagraph",
                "datagraph.redis.password", "s3cret", "datagraph.redis.cluster-nodes", "");
    }

    @AfterAll
    void stopTheStore() {
        GUARDED.close();
    }

    @Test
    void flowsRunAsAnAclUserLimitedToTheEnginesKeys() throws IOException {
        assertTrue(GUARDED.command("PING").startsWith("-NOAUTH"), "the store should refuse anonymous clients");
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(4)));
        assertEquals(List.of(6, 7, 8, 9), run.<Integer>io("d", Integer.class).stream().toList());
    }
}
