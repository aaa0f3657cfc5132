package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.StoreUnavailableException;
import io.datagraph.flow.Flow;
import io.datagraph.testing.DeploymentFailure;
import io.datagraph.testing.EngineDeployment;
import io.datagraph.test.RedisServer;
import io.datagraph.test.TestConfig;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.datagraph.testing.DeploymentFailure.assertMentions;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every configuration value is checked when the application deploys: a bad one fails the deployment
 * with a message naming the key and the value (never a secret's), without needing the store.
 */
class ConfigurationTest {

    /** Nothing listens here: the checks must not need a store. */
    private static final String NO_STORE = "redis://127.0.0.1:" + RedisServer.freePort();

    @AfterEach
    void clearConfiguration() {
        TestConfig.clear();
    }

    /** The messages of the deployment failure with these values. */
    private static String deploymentFailure(Map<String, String> values) {
        TestConfig.set(Map.of("datagraph.redis.url", NO_STORE, "datagraph.redis.cluster-nodes", ""));
        TestConfig.set(values);
        return DeploymentFailure.of(EngineDeployment.weld());
    }

    @Test
    void aNegativeWindowFailsTheDeploymentNamingKeyAndValue() {
        assertMentions(deploymentFailure(Map.of("datagraph.emit.window", "-5")), "datagraph.emit.window", "'-5'");
    }

    @Test
    void aMalformedDurationFailsTheDeploymentNamingKeyAndValue() {
        assertMentions(deploymentFailure(Map.of("datagraph.node.heartbeat", "2 seconds")),
                "datagraph.node.heartbeat", "'2 seconds'", "ISO-8601");
    }

    @Test
    void anUnknownExecutorModeFailsTheDeploymentNamingKeyAndValue() {
        assertMentions(deploymentFailure(Map.of("datagraph.executor.mode", "turbo")),
                "datagraph.executor.mode", "'turbo'", "local, store");
    }

    @Test
    void aClusterListWithABadUrlFailsTheDeploymentNamingKeyAndValue() {
        assertMentions(deploymentFailure(Map.of("datagraph.redis.cluster-nodes", "redis://127.0.0.1:7000,localhost:7001")),
                "datagraph.redis.cluster-nodes", "'localhost:7001'");
    }

    @Test
    void sentinelsWithoutAMasterNameFailTheDeploymentNamingTheMissingKey() {
        assertMentions(deploymentFailure(Map.of("datagraph.redis.sentinel-nodes", "redis://127.0.0.1:26379")),
                "datagraph.redis.sentinel-nodes", "datagraph.redis.sentinel-master");
    }

    @Test
    void aStoreBothClusterAndBehindSentinelFailsTheDeployment() {
        assertMentions(deploymentFailure(Map.of("datagraph.redis.sentinel-nodes", "redis://127.0.0.1:26379",
                "datagraph.redis.sentinel-master", "mymaster", "datagraph.redis.cluster-nodes", "redis://127.0.0.1:7000")),
                "datagraph.redis.sentinel-nodes", "not both");
    }

    @Test
    void aWarmUpUrlThatIsNeitherAutoNorNoneNorHttpFailsTheDeploymentNamingKeyAndValue() {
        assertMentions(deploymentFailure(Map.of("datagraph.rest.warm-up-url", "localhost:8080/datagraph/api")),
                "datagraph.rest.warm-up-url", "'localhost:8080/datagraph/api'", "'auto', 'none'");
    }

    @Test
    void aNonBooleanSwitchFailsTheDeploymentNamingKeyAndValue() {
        assertMentions(deploymentFailure(Map.of("datagraph.streams.trim-consumed", "yes")),
                "datagraph.streams.trim-consumed", "'yes'", "true or false");
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        assertMentions(deploymentFailure(Map.of("datagraph.emit.batch", "0", "datagraph.limits.concurrent-runs", "many")),
                "datagraph.emit.batch", "datagraph.limits.concurrent-runs");
    }

    @Test
    void aBadSecretIsReportedWithoutItsValue() {
        String message = deploymentFailure(Map.of("datagraph.security.hmac-secret", "hunter2"));
        assertMentions(message, "datagraph.security.hmac-secret");
        assertFalse(message.contains("hunter2"), "the secret was printed: " + message);
    }

    @Test
    void unknownKeysAndAnUnreachableStoreDoNotFailTheDeployment() {
        TestConfig.set(Map.of("datagraph.redis.url", NO_STORE, "datagraph.redis.cluster-nodes", "",
                "datagraph.redis.timeout", "PT0.5S", "datagraph.server", "payara", "datagraph.port-offset", "x"));
        try (WeldContainer container = EngineDeployment.weld().initialize()) {
            Datagraph datagraph = container.select(Datagraph.class).get();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                    () -> datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(1))));
            assertMentions(e.getMessage(), NO_STORE);
        }
    }
}
