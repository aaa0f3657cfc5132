package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineDeployment;
import io.datagraph.testing.RedisServer;
import io.datagraph.testing.SingleStoreConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine authenticates to a store that requires a password (datagraph.redis.password). */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordStoreTest {

    private static final RedisServer GUARDED = RedisServer.start("--requirepass", "s3cret");

    @WeldSetup
    WeldInitiator weld = EngineDeployment.initiator(GuardedStore.class);

    @Inject
    Datagraph datagraph;

    /** This node's configuration: the guarded store and its password. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class GuardedStore extends SingleStoreConfig {
        @Override
        protected RedisServer server() {
            return GUARDED;
        }

        @Override
        public Optional<String> password() {
            return Optional.of("s3cret");
        }
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
