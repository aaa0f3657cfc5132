package io.datagraph.bench;

import java.util.Map;

/**
 * The engine's default settings for the keys the test configuration changes (it shrinks them to
 * exercise edge cases): benchmarks measure what users run.
 */
final class EngineDefaults {

    private EngineDefaults() {
    }

    /** Those defaults, with the store at {@code redisUrl}. */
    static Map<String, String> with(String redisUrl) {
        return Map.of("datagraph.redis.url", redisUrl,
                "datagraph.emit.window", "100000",
                "datagraph.emit.stall", "PT5S",
                "datagraph.read.poll-interval", "PT1S",
                "datagraph.node.heartbeat", "PT2S",
                "datagraph.executor.fallback-threads", "16",
                "datagraph.run.ttl", "PT1M",
                "datagraph.node.warm-up-values", "200000");
    }

    /** Sets them as system properties of this JVM (MicroProfile Config ranks those first). */
    static void apply(String redisUrl) {
        with(redisUrl).forEach(System::setProperty);
    }
}
