package io.datagraph.bench;

import io.datagraph.engine.run.DeploymentWarmUp;
import io.datagraph.testing.Await;
import io.datagraph.testing.EngineDeployment;
import io.datagraph.test.RedisServer;
import org.jboss.weld.environment.se.WeldContainer;

import java.time.Duration;
import java.util.Map;

/**
 * The engine's default settings for the keys the test configuration changes (it shrinks them to
 * exercise edge cases): benchmarks measure what users run, on an engine booted as a server boots it.
 */
final class EngineDefaults {

    private EngineDefaults() {
    }

    /**
     * Those defaults, with the store at {@code redisUrl}, but for the keys set on this JVM's command line
     * ({@code -Ddatagraph.read.batch=32}): a benchmark can compare a setting, on every node it starts.
     */
    static Map<String, String> with(String redisUrl) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("datagraph.emit.batch", "8192",
                "datagraph.read.batch", "4",
                "datagraph.emit.window", "100000",
                "datagraph.emit.stall", "PT5S",
                "datagraph.read.poll-interval", "PT1S",
                "datagraph.node.heartbeat", "PT2S",
                "datagraph.executor.fallback-threads", "16",
                "datagraph.run.ttl", "PT1M",
                "datagraph.node.warm-up-values", "200000"));
        settings.replaceAll(System::getProperty);
        settings.put("datagraph.redis.url", redisUrl);
        return settings;
    }

    /** Sets {@link #with} as system properties of this JVM (MicroProfile Config ranks those first). */
    static void apply(String redisUrl) {
        with(redisUrl).forEach(System::setProperty);
    }

    /**
     * The store a benchmark uses, with the defaults applied: {@code $DATAGRAPH_REDIS_URL}, else a local
     * Redis server it starts.
     *
     * @return that local server, for the caller to close; null when the environment names the store
     */
    static RedisServer applyToConfiguredStore() {
        String url = System.getenv("DATAGRAPH_REDIS_URL");
        RedisServer local = url == null || url.isBlank() ? RedisServer.start() : null;
        apply(local != null ? local.url() : url);
        return local;
    }

    /**
     * Boots the engine under Weld and waits, as a server does before it reports ready, until its
     * deployment warm-up ({@code datagraph.node.warm-up-values}) has ended, so that no round competes with it.
     */
    static WeldContainer engine() {
        WeldContainer container = EngineDeployment.weld().initialize();
        try {
            Await.until(container.select(DeploymentWarmUp.class).get()::done, Duration.ofMinutes(1),
                    "the engine's warm-up did not end within a minute");
            return container;
        } catch (InterruptedException e) {
            container.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException | Error e) {
            container.close();
            throw e;
        }
    }
}
