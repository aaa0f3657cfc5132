package io.datagraph.engine.node;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.io.JsonMapper;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.ProcessorSignature;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.redisson.api.RMap;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.RedisException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The store's directory of processors and of the nodes serving them, so that any node can resolve a
 * flow whose processors live elsewhere. Each node writes the signatures of the processors it serves
 * ({@code <prefix>:processors}, a hash) and, every {@code datagraph.node.heartbeat}, renews its entry in
 * {@code <prefix>:nodes:<processor>} (a sorted set scored by expiry time). A node that misses three
 * beats is no longer live; {@code <prefix>:nodes} holds every live node the same way. Thread-safe.
 */
@ApplicationScoped
public class NodeDirectory {

    private static final Logger LOG = Logger.getLogger(NodeDirectory.class.getName());

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    ProcessorRegistry registry;

    @Inject
    JsonMapper json;

    private ScheduledExecutorService heartbeat;
    /** When heartbeats last started to succeed again (0 while they fail). */
    private volatile long beatingSince;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datagraph-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = config.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, 0, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        try {
            registry.signatures().forEach(signature -> nodes(signature.name()).remove(config.nodeId()));
            liveNodes().remove(config.nodeId());
        } catch (RedisException e) {
            LOG.fine(() -> "could not leave the directory: " + e.getMessage());
        }
    }

    /** Publishes this node's processors and renews its liveness. */
    private void beat() {
        try {
            long expires = System.currentTimeMillis() + 3 * config.heartbeat().toMillis();
            RScoredSortedSet<String> live = liveNodes();
            live.add(expires, config.nodeId());
            live.removeRangeByScore(0, true, System.currentTimeMillis(), false);
            Map<String, String> signatures = new LinkedHashMap<>();
            for (ProcessorSignature signature : registry.signatures()) {
                signatures.put(signature.name(), json.jsonb().toJson(signature));
                RScoredSortedSet<String> nodes = nodes(signature.name());
                nodes.add(expires, config.nodeId());
                nodes.removeRangeByScore(0, true, System.currentTimeMillis(), false);
            }
            if (!signatures.isEmpty()) {
                signaturesMap().putAll(signatures);
            }
            if (beatingSince == 0) {
                beatingSince = System.currentTimeMillis();
            }
        } catch (RuntimeException e) {
            beatingSince = 0;
            LOG.fine(() -> "heartbeat failed: " + e.getMessage());
        }
    }

    /**
     * Whether this node's heartbeats have succeeded for a whole liveness window: only then can it
     * tell a dead node from one whose beats the store could not take (after an outage, every node's
     * entry has expired until it beats again).
     */
    public boolean settled() {
        long since = beatingSince;
        return since > 0 && System.currentTimeMillis() - since > 3 * config.heartbeat().toMillis();
    }

    /** The signature of a processor served here or by any node that ever registered it. */
    public Optional<ProcessorSignature> signature(String name) {
        Optional<ProcessorSignature> local = registry.signature(name);
        if (local.isPresent()) {
            return local;
        }
        try {
            return Optional.ofNullable(signaturesMap().get(name)).map(s -> json.jsonb().fromJson(s, ProcessorSignature.class));
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
    }

    /** Every registered processor: those served here and those registered by other nodes. */
    public Collection<ProcessorSignature> signatures() {
        Map<String, ProcessorSignature> all = new LinkedHashMap<>();
        try {
            signaturesMap().readAllMap().forEach((name, signature) ->
                    all.put(name, json.jsonb().fromJson(signature, ProcessorSignature.class)));
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
        registry.signatures().forEach(signature -> all.put(signature.name(), signature));
        return all.values();
    }

    /** Whether this node or a live other node serves the processor. */
    public boolean served(String processor) {
        if (registry.find(processor).isPresent()) {
            return true;
        }
        try {
            return nodes(processor).count(System.currentTimeMillis(), true, Double.POSITIVE_INFINITY, true) > 0;
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
    }

    /** Whether the node renewed its directory entry within the last three heartbeats. */
    public boolean isLive(String nodeId) {
        try {
            Double expires = liveNodes().getScore(nodeId);
            return expires != null && expires > System.currentTimeMillis();
        } catch (RedisException e) {
            throw store.unavailable(e);
        }
    }

    private RScoredSortedSet<String> liveNodes() {
        return store.redisson().getScoredSortedSet(config.keyPrefix() + ":nodes");
    }

    private RMap<String, String> signaturesMap() {
        return store.redisson().getMap(config.keyPrefix() + ":processors");
    }

    private RScoredSortedSet<String> nodes(String processor) {
        return store.redisson().getScoredSortedSet(config.keyPrefix() + ":nodes:" + processor);
    }
}
