package io.datagraph.engine.config;

import org.redisson.config.SslVerificationMode;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the store is and how to talk to it ({@code datagraph.redis.*}, {@code datagraph.key-prefix}).
 *
 * @param url           a single store, {@code redis://host:port} or {@code rediss://} for TLS
 * @param clusterNodes  when present, the store is a Redis/Valkey Cluster reached through these nodes and
 *                      {@code url} is unused
 * @param sentinel      when present, the store is the master a set of Redis Sentinels name (failover),
 *                      and {@code url} is unused
 * @param tlsVerify     how a TLS store's certificate is checked: STRICT (CA and host name), CA_ONLY or NONE
 * @param connections   connections kept per store node; blocked readers hold none
 * @param timeout       how long one store command may take before it counts as failed
 * @param keyPrefix     first segment of every key, so that several installations can share a store
 */
public record StoreSettings(String url, Optional<List<String>> clusterNodes, Optional<String> username,
                            Optional<String> password, Optional<URL> tlsTruststore,
                            Optional<String> tlsTruststorePassword, Optional<URL> tlsKeystore,
                            Optional<String> tlsKeystorePassword, SslVerificationMode tlsVerify, int connections,
                            Duration timeout, String keyPrefix, Optional<Sentinel> sentinel) {

    /**
     * A store found through Redis Sentinel.
     *
     * @param nodes  the sentinels, {@code redis://host:port} each
     * @param master the name under which they watch the master
     */
    public record Sentinel(List<String> nodes, String master) {
    }

    static StoreSettings read(ConfigReader in) {
        String prefix = in.text("datagraph.key-prefix", "dg");
        if (!prefix.matches("[A-Za-z0-9_.:-]+")) {
            in.problem("datagraph.key-prefix", prefix, "it may hold only letters, digits and _ . : -");
            prefix = "dg";
        }
        return new StoreSettings(
                in.storeUrl("datagraph.redis.url", in.text("datagraph.redis.url", "redis://127.0.0.1:6379")),
                in.storeUrls("datagraph.redis.cluster-nodes"),
                in.optional("datagraph.redis.username"),
                in.secret("datagraph.redis.password"),
                in.location("datagraph.redis.tls.truststore"),
                in.secret("datagraph.redis.tls.truststore-password"),
                in.location("datagraph.redis.tls.keystore"),
                in.secret("datagraph.redis.tls.keystore-password"),
                SslVerificationMode.valueOf(in.choice("datagraph.redis.tls.verify", "STRICT", "STRICT", "CA_ONLY", "NONE")),
                in.atLeast("datagraph.redis.connections", 1, 16),
                in.duration("datagraph.redis.timeout", Duration.ofMillis(1), "PT10S"),
                prefix,
                sentinel(in));
    }

    private static Optional<Sentinel> sentinel(ConfigReader in) {
        Optional<List<String>> nodes = in.storeUrls("datagraph.redis.sentinel-nodes");
        Optional<String> master = in.optional("datagraph.redis.sentinel-master");
        if (nodes.isPresent() != master.isPresent()) {
            String missing = nodes.isPresent() ? "datagraph.redis.sentinel-master" : "datagraph.redis.sentinel-nodes";
            String given = nodes.isPresent() ? "datagraph.redis.sentinel-nodes" : "datagraph.redis.sentinel-master";
            in.problem(given, nodes.map(n -> String.join(",", n)).orElse(master.orElse("")),
                    "a store behind Sentinel needs " + missing + " too");
            return Optional.empty();
        }
        if (nodes.isPresent() && in.storeUrls("datagraph.redis.cluster-nodes").isPresent()) {
            in.problem("datagraph.redis.sentinel-nodes", String.join(",", nodes.get()),
                    "a store is either a Cluster (datagraph.redis.cluster-nodes) or behind Sentinel, not both");
            return Optional.empty();
        }
        return nodes.map(sentinels -> new Sentinel(sentinels, master.get()));
    }

    /** Where the store is, for messages. */
    public String address() {
        return clusterNodes.map(nodes -> "cluster " + String.join(",", nodes))
                .or(() -> sentinel.map(s -> "master '" + s.master() + "' of sentinels " + String.join(",", s.nodes())))
                .orElse(url);
    }
}
