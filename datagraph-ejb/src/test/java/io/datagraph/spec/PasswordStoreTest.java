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

/** The engine authenticates to a store that requires a password (datagraph.redis.password). */
@EngineTest
class PasswordStoreTest {

    private static final RedisServer GUARDED = RedisServer.start("--requirepass", "s3cret");

    @Inject
    Datagraph datagraph;

    @DatagraphTest.Configuration
    static Map<String, String> guardedStore() {
        return Map.of("datagraph.redis.url", GUARDED.url(), "datagraph.redis.password", "s3cret",
                "datagraph.redis.cluster-nodes", "");
    }

    @AfterAll
    void stopTheStore() {
        GUARDED.close();
    }

    @Test
    void flowsRunOnAStoreThatRequiresAPassword() throws IOException {
        assertTrue(GUARDED.command("PING").startsWith("-NOAUTH"), "the store should refuse clients without the password");
        Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(4)));
        assertEquals(List.of(0, 2, 4, 6), run.<Integer>io("bar", Integer.class).stream().toList());
    }
}
