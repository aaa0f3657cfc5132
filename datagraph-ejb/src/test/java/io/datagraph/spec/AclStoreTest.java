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

/**
 * The engine logs in as an ACL user (datagraph.redis.username/password) that may touch only the
 * engine's own keys and channels: least privilege is enough.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AclStoreTest {

    /** No anonymous access; one user limited to keys and channels under the engine's prefix. */
    private static final RedisServer GUARDED = RedisServer.start(
            "--user", "default", "off",
            "--user", "datagraph", "on", ">s3cret", "~dg:*", "&dg:*", "+@all");

    @WeldSetup
    WeldInitiator weld = EngineDeployment.initiator(AclUser.class);

    @Inject
    Datagraph datagraph;

    /** This node's configuration: the guarded store and its ACL user. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class AclUser extends SingleStoreConfig {
        @Override
        protected RedisServer server() {
            return GUARDED;
        }

        @Override
        public Optional<String> username() {
            return Optional.of("datagraph");
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
    void flowsRunAsAnAclUserLimitedToTheEnginesKeys() throws IOException {
        assertTrue(GUARDED.command("PING").startsWith("-NOAUTH"), "the store should refuse anonymous clients");
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(4)));
        assertEquals(List.of(6, 7, 8, 9), run.<Integer>io("d", Integer.class).stream().toList());
    }
}
