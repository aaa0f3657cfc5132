package io.datagraph.engine.node;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.io.JsonMapper;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.engine.protocol.ProtocolVersion;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.DatagraphException;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.ProcessorSignature;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.redisson.api.RBucket;
import org.redisson.api.RMap;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.codec.StringCodec;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The store's directory of processors and of the nodes serving them, so that any node can resolve a
 * flow whose processors live elsewhere. Each node writes the signatures of the processors it serves
 * ({@link StoreKeys#processors()}) and, every {@code datagraph.node.heartbeat}, renews its entry in
 * {@link StoreKeys#nodesServing} (scored by expiry time). A node that misses three beats is no longer
 * live; {@link StoreKeys#liveNodes()} holds every live node the same way.
 *
 * <p>A node joins only if it speaks the installation's {@link ProtocolVersion}: the first node writes
 * its version to the store, and a node finding another one there never joins (it takes no work, starts
 * no run, and reports readiness DOWN, saying why). Thread-safe.
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

    @Inject
    ManagedThreads threads;

    private ScheduledFuture<?> heartbeat;
    /** When heartbeats last started to succeed on time again (0 while they fail). */
    private volatile long beatingSince;
    /** When the last heartbeat succeeded (0: none yet). */
    private volatile long lastBeat;
    /** When the heartbeat in progress began (0: none in progress). */
    private volatile long beatInFlightSince;
    /** Whether the store's protocol version was compared with this node's; then, why this node may not join. */
    private volatile boolean protocolChecked;
    private volatile String refusal;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        heartbeat = threads.every("the heartbeat", 0, config.node().heartbeat().toMillis(), TimeUnit.MILLISECONDS, this::beat);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(true);
        }
        try {
            registry.signatures().forEach(signature -> nodes(signature.name()).remove(config.node().id()));
            liveNodes().remove(config.node().id());
        } catch (RuntimeException e) {
            LOG.fine(() -> "could not leave the directory: " + e.getMessage());
        }
    }

    /** Publishes this node's processors and renews its liveness. */
    private void beat() {
        long began = System.currentTimeMillis();
        beatInFlightSince = began;
        try {
            if (refused().isPresent()) {
                return;
            }
            long expires = System.currentTimeMillis() + 3 * config.node().heartbeat().toMillis();
            RScoredSortedSet<String> live = liveNodes();
            live.add(expires, config.node().id());
            live.removeRangeByScore(0, true, System.currentTimeMillis(), false);
            Map<String, String> signatures = new LinkedHashMap<>();
            for (ProcessorSignature signature : registry.signatures()) {
                signatures.put(signature.name(), json.jsonb().toJson(signature));
                RScoredSortedSet<String> nodes = nodes(signature.name());
                nodes.add(expires, config.node().id());
                nodes.removeRangeByScore(0, true, System.currentTimeMillis(), false);
            }
            if (!signatures.isEmpty()) {
                signaturesMap().putAll(signatures);
            }
            long now = System.currentTimeMillis();
            long period = config.node().heartbeat().toMillis();
            // a slow beat means the store (or this node) stalled: other nodes missed their beats for the
            // same reason, so this node judges none of them until it has beaten on time for a while
            boolean onTime = now - began <= period && (lastBeat == 0 || now - lastBeat <= 2 * period);
            if (beatingSince == 0 || !onTime) {
                beatingSince = now;
            }
            lastBeat = now;
        } catch (RuntimeException e) {
            beatingSince = 0;
            lastBeat = 0;
            LOG.fine(() -> "heartbeat failed: " + e.getMessage());
        } finally {
            beatInFlightSince = 0;
        }
    }

    /**
     * Why this node may not join the installation: the store holds another protocol version. Compares
     * the versions once, at the first call the store answers.
     *
     * @throws io.datagraph.StoreUnavailableException if the store does not answer
     */
    public Optional<String> refused() {
        if (!protocolChecked) {
            checkProtocol();
        }
        return Optional.ofNullable(refusal);
    }

    /** @throws DatagraphException saying why, if this node may not join */
    public void checkJoined() {
        refused().ifPresent(why -> {
            throw new DatagraphException(why);
        });
    }

    private synchronized void checkProtocol() {
        if (protocolChecked) {
            return;
        }
        String mine = String.valueOf(ProtocolVersion.CURRENT);
        try {
            RBucket<String> version = store.redisson().getBucket(keys().protocol(), StringCodec.INSTANCE);
            String theirs = version.setIfAbsent(mine) ? mine : version.get();
            if (theirs != null && !mine.equals(theirs)) {
                refusal = "this node speaks Datagraph store protocol " + mine + ", but the store at " + store.address()
                        + " holds protocol " + theirs + " (key " + keys().protocol() + "): every node of an installation"
                        + " (datagraph.key-prefix '" + config.store().keyPrefix() + "') must run a Datagraph release"
                        + " of the same protocol; this node does not join (upgrade it, or give it another key prefix)";
                LOG.severe(refusal);
            }
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
        protocolChecked = true;
    }

    /**
     * Whether this node's heartbeats have succeeded, on time, for a whole liveness window: only then
     * can it tell a dead node from one whose beats the store could not take or was too slow to take
     * (after an outage or a stall of the store, every node's entry has expired until it beats again).
     */
    public boolean settled() {
        long since = beatingSince;
        long inFlight = beatInFlightSince;
        long now = System.currentTimeMillis();
        long period = config.node().heartbeat().toMillis();
        // a beat the store has not answered for a whole period: the store is stalling right now
        return since > 0 && now - since > 3 * period && (inFlight == 0 || now - inFlight <= period);
    }

    /** The signature of a processor served here or by any node that ever registered it. */
    public Optional<ProcessorSignature> signature(String name) {
        Optional<ProcessorSignature> local = registry.signature(name);
        if (local.isPresent()) {
            return local;
        }
        try {
            return Optional.ofNullable(signaturesMap().get(name)).map(s -> json.jsonb().fromJson(s, ProcessorSignature.class));
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    /** Every registered processor: those served here and those registered by other nodes. */
    public Collection<ProcessorSignature> signatures() {
        Map<String, ProcessorSignature> all = new LinkedHashMap<>();
        try {
            signaturesMap().readAllMap().forEach((name, signature) ->
                    all.put(name, json.jsonb().fromJson(signature, ProcessorSignature.class)));
        } catch (RuntimeException e) {
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
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    /** Whether the node renewed its directory entry within the last three heartbeats. */
    public boolean isLive(String nodeId) {
        try {
            Double expires = liveNodes().getScore(nodeId);
            return expires != null && expires > System.currentTimeMillis();
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    private RScoredSortedSet<String> liveNodes() {
        return store.redisson().getScoredSortedSet(keys().liveNodes());
    }

    private RMap<String, String> signaturesMap() {
        return store.redisson().getMap(keys().processors());
    }

    private RScoredSortedSet<String> nodes(String processor) {
        return store.redisson().getScoredSortedSet(keys().nodesServing(processor));
    }

    private StoreKeys keys() {
        return new StoreKeys(config.store().keyPrefix());
    }
}
