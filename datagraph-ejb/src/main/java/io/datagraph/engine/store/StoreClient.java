package io.datagraph.engine.store;

import io.datagraph.StoreUnavailableException;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.config.StoreSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.datagraph.engine.metrics.Histogram;
import io.datagraph.engine.metrics.MetricFamily;
import org.redisson.Redisson;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.BaseRedisNodes;
import org.redisson.api.redisnode.RedisCluster;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.api.redisnode.RedisSentinelMasterSlave;
import org.redisson.api.redisnode.RedisSingle;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.codec.StringCodec;
import io.datagraph.engine.protocol.Script;
import io.datagraph.engine.protocol.ScriptCall;
import org.redisson.config.BaseConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.SubscriptionMode;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * The engine's one connection to the store: a Redisson client configured from
 * {@link EngineConfig}, and what runs the {@link ScriptCall}s the protocol assembles. Scripts go as
 * EVALSHA (Redisson's script cache) and are routed by their first key, which carries the run's hash tag.
 *
 * <p>Thread-safe. Store errors surface as {@link StoreUnavailableException}.
 */
@ApplicationScoped
public class StoreClient {

    private static final Logger LOG = Logger.getLogger(StoreClient.class.getName());

    @Inject
    EngineConfig config;

    /** The time from sending a script call to its reply (or failure), by script: store latency as this node sees it. */
    private final Histogram commandSeconds = new Histogram("datagraph_store_command_seconds",
            "Time from sending a store script call to its reply, as this node sees it, by script.",
            new double[] {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5}, "script");

    private RedissonClient redisson;
    private RScript scripts;

    @PostConstruct
    void connect() {
        Config redissonConfig = new Config();
        redissonConfig.setCodec(StringCodec.INSTANCE);
        redissonConfig.setUseScriptCache(true);
        // connect on first use: a store that is down at deployment must not fail the deployment
        redissonConfig.setLazyInitialization(true);
        // Redisson's defaults (32 netty threads, 16 callback threads) are sized for big hosts.
        int cores = Runtime.getRuntime().availableProcessors();
        redissonConfig.setNettyThreads(Math.max(2, cores * 2));
        redissonConfig.setThreads(Math.max(2, cores));
        int timeout = (int) config.store().timeout().toMillis();
        if (config.store().clusterNodes().isPresent()) {
            ClusterServersConfig cluster = redissonConfig.useClusterServers()
                    .addNodeAddress(config.store().clusterNodes().get().toArray(String[]::new))
                    .setMasterConnectionPoolSize(config.store().connections())
                    .setMasterConnectionMinimumIdleSize(Math.min(4, config.store().connections()))
                    .setTimeout(timeout);
            secure(cluster);
        } else if (config.store().sentinel().isPresent()) {
            StoreSettings.Sentinel sentinel = config.store().sentinel().get();
            // reads and subscriptions on the master too: Redisson reads from replicas by default here,
            // and a replica lags the writes a run has just made
            SentinelServersConfig servers = redissonConfig.useSentinelServers()
                    .setMasterName(sentinel.master())
                    .addSentinelAddress(sentinel.nodes().toArray(String[]::new))
                    .setReadMode(ReadMode.MASTER)
                    .setSubscriptionMode(SubscriptionMode.MASTER)
                    .setCheckSentinelsList(false)
                    .setMasterConnectionPoolSize(config.store().connections())
                    .setMasterConnectionMinimumIdleSize(Math.min(4, config.store().connections()))
                    .setTimeout(timeout);
            secure(servers);
        } else {
            SingleServerConfig single = redissonConfig.useSingleServer()
                    .setAddress(config.store().url())
                    .setConnectionPoolSize(config.store().connections())
                    .setConnectionMinimumIdleSize(Math.min(4, config.store().connections()))
                    .setTimeout(timeout);
            secure(single);
        }
        try {
            redisson = Redisson.create(redissonConfig);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        scripts = redisson.getScript(StringCodec.INSTANCE);
    }

    /** Credentials (ACL user or password) and TLS trust, the same for one server or a Cluster. */
    private void secure(BaseConfig<?> connection) {
        config.store().username().ifPresent(connection::setUsername);
        config.store().password().ifPresent(connection::setPassword);
        config.store().tlsTruststore().ifPresent(store -> connection.setSslTruststore(store)
                .setSslTruststorePassword(config.store().tlsTruststorePassword().orElse(null)));
        config.store().tlsKeystore().ifPresent(store -> connection.setSslKeystore(store)
                .setSslKeystorePassword(config.store().tlsKeystorePassword().orElse(null)));
        connection.setSslVerificationMode(config.store().tlsVerify());
    }

    @PreDestroy
    void disconnect() {
        if (redisson != null) {
            redisson.shutdown();
        }
    }

    /**
     * Connects and loads every script now, at deployment, rather than on the first run (which would
     * otherwise pay the connection set-up and a NOSCRIPT round trip per script). A store that is down
     * now is only logged: runs will fail clearly until it answers.
     */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            for (Script script : Script.values()) {
                scripts.scriptLoad(script.source());
            }
        } catch (RuntimeException e) {
            // RedisException, or the CompletionException around it of the lazy first connect
            LOG.warning(() -> "the store at " + address() + " does not answer yet: " + e.getMessage());
        }
    }

    /** The underlying client, for what scripts do not cover (pub/sub, plain reads). */
    public RedissonClient redisson() {
        return redisson;
    }

    /** The store's nodes, as its topology (one server, behind Sentinel, or a Cluster) presents them. */
    public BaseRedisNodes nodes() {
        return config.store().clusterNodes().isPresent() ? redisson.getRedisNodes(RedisNodes.CLUSTER)
                : config.store().sentinel().isPresent() ? redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE)
                : redisson.getRedisNodes(RedisNodes.SINGLE);
    }

    /** The nodes that take writes: every master of a Cluster, else the one master. */
    public Collection<? extends RedisNode> masters() {
        BaseRedisNodes nodes = nodes();
        return nodes instanceof RedisCluster cluster ? cluster.getMasters()
                : nodes instanceof RedisSentinelMasterSlave sentinel ? List.of(sentinel.getMaster())
                : List.of(((RedisSingle) nodes).getInstance());
    }

    /** Where the store is, for messages. */
    public String address() {
        return config.store().address();
    }

    /** Runs a script and waits for its reply. */
    public <R> R call(ScriptCall<R> call) {
        long began = System.nanoTime();
        try {
            return call.read(scripts.eval(call.routingKey(), RScript.Mode.READ_WRITE, call.script().source(),
                    returnType(call), call.keys(), call.args().toArray()));
        } catch (RuntimeException e) {
            throw unavailable(e);
        } finally {
            timed(call, began);
        }
    }

    /** Runs a script without waiting; the stage fails with {@link StoreUnavailableException}. */
    public <R> CompletionStage<R> callAsync(ScriptCall<R> call) {
        long began = System.nanoTime();
        RFuture<Object> reply = scripts.evalAsync(call.routingKey(), RScript.Mode.READ_WRITE, call.script().source(),
                returnType(call), call.keys(), call.args().toArray());
        return reply.handle((raw, e) -> {
            timed(call, began);
            if (e == null) {
                return call.read(raw);
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RedisException redis ? unavailable(redis) : new CompletionException(cause);
        });
    }

    private void timed(ScriptCall<?> call, long began) {
        commandSeconds.observe((System.nanoTime() - began) / 1e9, call.script().label());
    }

    /** The store-latency histogram. */
    public MetricFamily commandSeconds() {
        return commandSeconds;
    }

    private static RScript.ReturnType returnType(ScriptCall<?> call) {
        return switch (call.returns()) {
            case VALUE -> RScript.ReturnType.VALUE;
            case INTEGER -> RScript.ReturnType.INTEGER;
            case MULTI -> RScript.ReturnType.MULTI;
        };
    }

    /**
     * What a failed store command means to users: a {@link RedisException} (or the
     * {@link CompletionException} around one, as the client's lazy first connect throws) becomes a
     * {@link StoreUnavailableException} naming the store; any other exception is returned as it is.
     */
    public RuntimeException unavailable(RuntimeException failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (!(e instanceof RedisException)) {
            return failure;
        }
        String what = e instanceof RedisConnectionException || e instanceof RedisTimeoutException
                ? "the store at " + address() + " is unreachable"
                : e.getCause() instanceof InterruptedException
                ? "the thread waiting for the store at " + address() + " was interrupted"
                : "the store at " + address() + " refused a command";
        String tls = tlsProblem(e);
        return new StoreUnavailableException(what + ": " + (tls != null ? tls : firstSentence(e.getMessage())), e);
    }

    /** Why a TLS handshake failed, in the terms of the keys that decide it; null when no handshake failed. */
    private static String tlsProblem(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof javax.net.ssl.SSLException || e instanceof java.security.cert.CertificateException) {
                String detail = String.valueOf(e.getMessage());
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    detail = String.valueOf(cause.getMessage());
                }
                if (detail.contains("subject alternative") || detail.contains("No name matching")
                        || detail.contains("doesn't match")) {
                    return "its TLS certificate does not name the host the store is reached at (" + detail
                            + "); use that name in the store's address, or datagraph.redis.tls.verify=CA_ONLY to check"
                            + " the certificate's issuer only";
                }
                if (detail.contains("PKIX") || detail.contains("certification path")) {
                    return "its TLS certificate is not signed by a certificate in datagraph.redis.tls.truststore ("
                            + detail + ")";
                }
                return "the TLS handshake failed (" + detail + "); see datagraph.redis.tls.*";
            }
        }
        return null;
    }

    /** Redisson's messages go on to list buffers and connection internals; users need the first sentence. */
    private static String firstSentence(String message) {
        if (message == null) {
            return "no detail";
        }
        String first = message.split("(?<=[.!])\\s|\\n", 2)[0];
        return first.length() <= 300 ? first : first.substring(0, 300) + "…";
    }
}
