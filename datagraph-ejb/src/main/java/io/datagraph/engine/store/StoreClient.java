package io.datagraph.engine.store;

import io.datagraph.StoreUnavailableException;
import io.datagraph.engine.config.EngineConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.redisson.Redisson;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * The engine's one connection to the store: a Redisson client configured from
 * {@link EngineConfig}, and the calls of the run {@link Script}s. Scripts go as EVALSHA (Redisson's
 * script cache) and are routed by their first key, which carries the run's hash tag.
 *
 * <p>Thread-safe. Store errors surface as {@link StoreUnavailableException}.
 */
@ApplicationScoped
public class StoreClient {

    private static final Logger LOG = Logger.getLogger(StoreClient.class.getName());

    @Inject
    EngineConfig config;

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
        int timeout = (int) config.timeout().toMillis();
        if (config.clusterNodes().isPresent()) {
            ClusterServersConfig cluster = redissonConfig.useClusterServers()
                    .addNodeAddress(config.clusterNodes().get().split("\\s*,\\s*"))
                    .setMasterConnectionPoolSize(config.connections())
                    .setMasterConnectionMinimumIdleSize(Math.min(4, config.connections()))
                    .setTimeout(timeout);
            secure(cluster);
        } else {
            SingleServerConfig single = redissonConfig.useSingleServer()
                    .setAddress(config.redisUrl())
                    .setConnectionPoolSize(config.connections())
                    .setConnectionMinimumIdleSize(Math.min(4, config.connections()))
                    .setTimeout(timeout);
            secure(single);
        }
        try {
            redisson = Redisson.create(redissonConfig);
        } catch (RedisException e) {
            throw unavailable(e);
        }
        scripts = redisson.getScript(StringCodec.INSTANCE);
    }

    /** Credentials (ACL user or password) and TLS trust, the same for one server or a Cluster. */
    private void secure(BaseConfig<?> connection) {
        config.username().ifPresent(connection::setUsername);
        config.password().ifPresent(connection::setPassword);
        config.tlsTruststore().ifPresent(store -> connection.setSslTruststore(store)
                .setSslTruststorePassword(config.tlsTruststorePassword().orElse(null)));
        config.tlsKeystore().ifPresent(store -> connection.setSslKeystore(store)
                .setSslKeystorePassword(config.tlsKeystorePassword().orElse(null)));
        connection.setSslVerificationMode(config.tlsVerification());
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
        } catch (RedisException e) {
            LOG.warning(() -> "the store at " + address() + " does not answer yet: " + e.getMessage());
        }
    }

    /** The underlying client, for what scripts do not cover (pub/sub, plain reads). */
    public RedissonClient redisson() {
        return redisson;
    }

    /** Where the store is, for messages. */
    public String address() {
        return config.clusterNodes().map(nodes -> "cluster " + nodes).orElse(config.redisUrl());
    }

    /** Runs a script and waits for its reply. */
    public <R> R call(Script script, RScript.ReturnType returns, List<Object> keys, Object... args) {
        try {
            return scripts.eval((String) keys.get(0), RScript.Mode.READ_WRITE, script.source(), returns, keys, args);
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /** Runs a script without waiting; the stage fails with {@link StoreUnavailableException}. */
    public <R> CompletionStage<R> callAsync(Script script, RScript.ReturnType returns, List<Object> keys,
                                            Object... args) {
        RFuture<R> reply = scripts.evalAsync((String) keys.get(0), RScript.Mode.READ_WRITE, script.source(),
                returns, keys, args);
        return reply.exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RedisException redis ? unavailable(redis) : new CompletionException(cause);
        });
    }

    public StoreUnavailableException unavailable(RedisException e) {
        String what = e instanceof RedisConnectionException || e instanceof RedisTimeoutException
                ? "the store at " + address() + " is unreachable"
                : e.getCause() instanceof InterruptedException
                ? "the thread waiting for the store at " + address() + " was interrupted"
                : "the store at " + address() + " refused a command";
        return new StoreUnavailableException(what + ": " + firstSentence(e.getMessage()), e);
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
