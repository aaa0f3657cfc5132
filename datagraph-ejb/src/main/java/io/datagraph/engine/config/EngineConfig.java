package io.datagraph.engine.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.config.SslVerificationMode;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every engine setting, read once from MicroProfile Config (keys prefixed {@code datagraph.}).
 * The README lists each key; keep the two in step.
 */
@ApplicationScoped
public class EngineConfig {

    /** Fixed for the life of the process, so every bean sees the same node id. */
    private static final String DEFAULT_NODE_ID = defaultNodeId();

    @Inject
    @ConfigProperty(name = "datagraph.redis.url", defaultValue = "redis://127.0.0.1:6379")
    String redisUrl;

    @Inject
    @ConfigProperty(name = "datagraph.redis.cluster-nodes")
    Optional<String> clusterNodes;

    @Inject
    @ConfigProperty(name = "datagraph.redis.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "datagraph.redis.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "datagraph.redis.tls.truststore")
    Optional<String> tlsTruststore;

    @Inject
    @ConfigProperty(name = "datagraph.redis.tls.truststore-password")
    Optional<String> tlsTruststorePassword;

    @Inject
    @ConfigProperty(name = "datagraph.redis.tls.keystore")
    Optional<String> tlsKeystore;

    @Inject
    @ConfigProperty(name = "datagraph.redis.tls.keystore-password")
    Optional<String> tlsKeystorePassword;

    @Inject
    @ConfigProperty(name = "datagraph.redis.tls.verify", defaultValue = "STRICT")
    String tlsVerify;

    @Inject
    @ConfigProperty(name = "datagraph.redis.connections", defaultValue = "16")
    int connections;

    @Inject
    @ConfigProperty(name = "datagraph.redis.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "datagraph.key-prefix", defaultValue = "dg")
    String keyPrefix;

    @Inject
    @ConfigProperty(name = "datagraph.run.ttl", defaultValue = "PT1H")
    Duration runTtl;

    @Inject
    @ConfigProperty(name = "datagraph.read.batch", defaultValue = "32")
    int readBatch;

    @Inject
    @ConfigProperty(name = "datagraph.read.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "datagraph.emit.batch", defaultValue = "1024")
    int emitBatch;

    @Inject
    @ConfigProperty(name = "datagraph.emit.window", defaultValue = "100000")
    long emitWindow;

    @Inject
    @ConfigProperty(name = "datagraph.emit.stall", defaultValue = "PT5S")
    Duration emitStall;

    @Inject
    @ConfigProperty(name = "datagraph.streams.trim-consumed", defaultValue = "true")
    boolean trimConsumed;

    @Inject
    @ConfigProperty(name = "datagraph.processors.enabled")
    Optional<String> enabledProcessors;

    @Inject
    @ConfigProperty(name = "datagraph.node.id")
    Optional<String> nodeId;

    @Inject
    @ConfigProperty(name = "datagraph.node.heartbeat", defaultValue = "PT2S")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "datagraph.executor.mode", defaultValue = "local")
    String executorMode;

    @Inject
    @ConfigProperty(name = "datagraph.security.hmac-secret")
    Optional<String> hmacSecret;

    @Inject
    @ConfigProperty(name = "datagraph.limits.processors-per-flow", defaultValue = "100")
    int maxProcessors;

    @Inject
    @ConfigProperty(name = "datagraph.limits.values-per-input", defaultValue = "1000000")
    int maxValuesPerInput;

    @Inject
    @ConfigProperty(name = "datagraph.limits.value-bytes", defaultValue = "1048576")
    int maxValueBytes;

    @Inject
    @ConfigProperty(name = "datagraph.limits.concurrent-runs", defaultValue = "1000")
    int maxConcurrentRuns;

    @Inject
    @ConfigProperty(name = "datagraph.executor.jndi", defaultValue = "java:comp/DefaultManagedExecutorService")
    String executorJndi;

    @Inject
    @ConfigProperty(name = "datagraph.executor.fallback-threads", defaultValue = "16")
    int fallbackThreads;

    @Inject
    @ConfigProperty(name = "datagraph.executor.help-after", defaultValue = "PT0.05S")
    Duration helpAfter;

    /** URL of a single store ({@code redis://} or {@code rediss://} for TLS). */
    public String redisUrl() {
        return redisUrl;
    }

    /** Comma-separated node URLs; when set, the store is a Redis/Valkey Cluster and {@link #redisUrl()} is unused. */
    public Optional<String> clusterNodes() {
        return clusterNodes.filter(s -> !s.isBlank());
    }

    public Optional<String> username() {
        return username.filter(s -> !s.isBlank());
    }

    public Optional<String> password() {
        return password.filter(s -> !s.isBlank());
    }

    /** Truststore (PKCS12 or JKS, a path or URL) with the CA of a {@code rediss://} store; else the JVM's. */
    public Optional<URL> tlsTruststore() {
        return tlsTruststore.filter(s -> !s.isBlank()).map(location -> url("datagraph.redis.tls.truststore", location));
    }

    public Optional<String> tlsTruststorePassword() {
        return tlsTruststorePassword.filter(s -> !s.isBlank());
    }

    /** Keystore with this node's client certificate, for a store that requires one. */
    public Optional<URL> tlsKeystore() {
        return tlsKeystore.filter(s -> !s.isBlank()).map(location -> url("datagraph.redis.tls.keystore", location));
    }

    public Optional<String> tlsKeystorePassword() {
        return tlsKeystorePassword.filter(s -> !s.isBlank());
    }

    /** How a TLS store's certificate is checked: STRICT (CA and host name), CA_ONLY or NONE. */
    public SslVerificationMode tlsVerification() {
        try {
            return SslVerificationMode.valueOf(tlsVerify.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("datagraph.redis.tls.verify is '" + tlsVerify
                    + "'; it must be STRICT, CA_ONLY or NONE", e);
        }
    }

    /** A file path or a URL, as a URL. */
    private static URL url(String key, String location) {
        try {
            return location.contains(":/") ? new URL(location) : Path.of(location).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(key + " is not a file path or URL: " + location, e);
        }
    }

    /** Connections the engine keeps per store node; blocked readers do not hold any. */
    public int connections() {
        return connections;
    }

    /** How long one store command may take before it counts as failed. */
    public Duration timeout() {
        return timeout;
    }

    /** First segment of every key, so several installations can share a store. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** How long a finished run's streams and status stay in the store. */
    public Duration runTtl() {
        return runTtl;
    }

    /** Stream entries fetched per read (each entry holds up to {@link #emitBatch()} values). */
    public int readBatch() {
        return readBatch;
    }

    /** Longest a waiting reader sleeps without a signal before looking again (covers lost signals). */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Most values an emitter packs into one stream entry. */
    public int emitBatch() {
        return emitBatch;
    }

    /**
     * Most values a stream may hold unread by its slowest running reader: beyond it, {@code emit}
     * blocks until the reader catches up (backpressure).
     */
    public long emitWindow() {
        return emitWindow;
    }

    /**
     * How long a blocked emitter waits for a reader that makes no progress at all before it goes on
     * anyway: such a reader is busy with another stream (waiting for it could deadlock), not slow.
     */
    public Duration emitStall() {
        return emitStall;
    }

    /**
     * Whether a run drops the entries of its internal streams once every processor reading them has
     * consumed them. Internal: produced and read by processors of the run, and not among the outputs
     * selected at start. Keeps store memory bounded by the backpressure window on long runs.
     */
    public boolean trimConsumed() {
        return trimConsumed;
    }

    /**
     * The processors this node serves, when {@code datagraph.processors.enabled} names them
     * (comma-separated); empty: all it has. One EAR can so be deployed as several services.
     */
    public Optional<java.util.Set<String>> enabledProcessors() {
        return enabledProcessors.filter(s -> !s.isBlank())
                .map(s -> java.util.Set.of(s.trim().split("\\s*,\\s*")));
    }

    /** This node's name in the store's directory (default: host name, process id and a random suffix). */
    public String nodeId() {
        return nodeId.filter(s -> !s.isBlank()).orElse(DEFAULT_NODE_ID);
    }

    /** How often a node renews its entry in the directory; it counts as gone after three missed beats. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /**
     * How processors this node serves are started: {@code local} runs them here on the
     * ManagedExecutorService at once; {@code store} dispatches every processor through the store,
     * where this node and every other node serving it compete for it — slower to start, but a
     * processor whose node dies is taken over by another.
     *
     * @throws IllegalArgumentException for any other value
     */
    public boolean dispatchEverything() {
        return switch (executorMode) {
            case "local" -> false;
            case "store" -> true;
            default -> throw new IllegalArgumentException("datagraph.executor.mode must be local or store, not '"
                    + executorMode + "'");
        };
    }

    /**
     * The secret with which every batch of values written to the store is signed (HMAC-SHA256) and
     * checked when read; empty: values are not signed (logged once at start).
     */
    public Optional<String> hmacSecret() {
        return hmacSecret.filter(s -> !s.isBlank());
    }

    /** Most processors a flow may have. */
    public int maxProcessors() {
        return maxProcessors;
    }

    /** Most values one input may be given at start, or in one append. */
    public int maxValuesPerInput() {
        return maxValuesPerInput;
    }

    /** Largest value (its JSON, in UTF-16 chars) an input or an emitter takes. */
    public int maxValueBytes() {
        return maxValueBytes;
    }

    /** Most runs running at once across every node sharing the store; a start beyond it is refused. */
    public int maxConcurrentRuns() {
        return maxConcurrentRuns;
    }

    /** JNDI name of the ManagedExecutorService that runs processors. */
    public String executorJndi() {
        return executorJndi;
    }

    /** Size of the private pool used when no ManagedExecutorService is found (outside a server). */
    public int fallbackThreads() {
        return fallbackThreads;
    }

    /**
     * How long a processor may sit queued before a reader blocked on its output runs it on its own
     * thread; this is what keeps a small pool from deadlocking.
     */
    public Duration helpAfter() {
        return helpAfter;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffff, 36);
    }
}
