package io.datagraph.engine.node;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.engine.protocol.DispatchEntry;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.store.Signals;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.ProcessorSignature;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.redisson.api.PendingEntry;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs processors by name across nodes, through the store: no broker. Each processor has a dispatch
 * stream ({@link StoreKeys#dispatch}) read by the consumer group {@value StoreKeys#DISPATCH_GROUP}, in
 * which every node serving the processor is a consumer, so each dispatched invocation goes to
 * exactly one of them, which hands it to the {@link DispatchReceiver}. A dispatch also publishes a
 * notice on the signal channel, which wakes the nodes' dispatch loop at once; the loop (on a thread of
 * the server's {@code ManagedThreadFactory}) also looks every second, and never holds a blocking read.
 * An invocation's entry is acknowledged and deleted once the processor has ended, so a dispatch
 * stream holds only invocations not yet ended.
 *
 * <p><b>Recovery.</b> While a node runs a dispatched processor it keeps claiming the entry again
 * (which keeps it fresh); an entry left pending longer than three heartbeats belongs to a dead node,
 * and any node serving the processor claims it (XAUTOCLAIM) and runs the processor again, as a newer
 * attempt that fences off the dead one's writes and resumes its outputs where they stand. A node that
 * only stalled (paused, swapped out) and wakes after the takeover can neither take the entry back nor
 * acknowledge it: keeping fresh and acknowledging both act only on entries the node still owns.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final String GROUP = StoreKeys.DISPATCH_GROUP;

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    @Inject
    ProcessorRegistry registry;

    @Inject
    Signals signals;

    @Inject
    DispatchReceiver receiver;

    @Inject
    ManagedThreads threads;

    @Inject
    NodeDirectory directory;

    private final Semaphore wake = new Semaphore(0);
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread loop;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (registry.signatures().isEmpty()) {
            return;
        }
        signals.onDispatch(processor -> {
            if (registry.find(processor).isPresent()) {
                wake.release();
            }
        });
        running = true;
        loop = threads.newThread("datagraph-dispatch", this::takeDispatches);
        loop.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }

    /** Sends one invocation of a processor this node does not serve to a node that does. */
    public void dispatch(String runId, String processor, long epoch) {
        try {
            stream(processor).add(StreamAddArgs.entries(new DispatchEntry(runId, epoch).fields()));
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
        signals.publishDispatch(processor);
    }

    private void takeDispatches() {
        boolean groupsReady = false;
        while (running) {
            try {
                if (directory.refused().isPresent()) {
                    return;
                }
                if (!groupsReady) {
                    registry.signatures().forEach(signature -> createGroup(signature.name()));
                    groupsReady = true;
                }
                boolean took = false;
                keepInFlightFresh();
                // taking over needs a settled directory: after a store outage or stall, the other
                // nodes' entries look idle only because the store was silent
                boolean mayRecover = directory.settled();
                for (ProcessorSignature signature : registry.signatures()) {
                    took |= take(signature.name());
                    if (mayRecover) {
                        took |= recover(signature.name());
                    }
                }
                if (!took) {
                    wake.tryAcquire(Math.min(1000, config.node().heartbeat().toMillis() / 2), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "dispatch loop: store unavailable, retrying", e);
                sleepQuietly();
            }
        }
    }

    private boolean take(String processor) {
        Map<StreamMessageId, Map<String, String>> taken =
                stream(processor).readGroup(GROUP, config.node().id(), StreamReadGroupArgs.neverDelivered().count(16));
        taken.forEach((id, fields) -> run(processor, id, DispatchEntry.of(fields)));
        return !taken.isEmpty();
    }

    /**
     * Claims invocations a dead node left pending, and runs them again. Should the store have been
     * slow to answer meanwhile (a stall: their owners could not refresh them either), the entries go
     * back to their owners untouched.
     */
    private boolean recover(String processor) {
        long idle = 3 * config.node().heartbeat().toMillis();
        long began = System.currentTimeMillis();
        RStream<String, String> stream = stream(processor);
        List<PendingEntry> stale = stream.listPending(GROUP, StreamMessageId.MIN, StreamMessageId.MAX, idle,
                TimeUnit.MILLISECONDS, 16);
        if (stale.isEmpty()) {
            return false;
        }
        Map<StreamMessageId, String> owners = new HashMap<>();
        stale.forEach(entry -> owners.put(entry.getId(), entry.getConsumerName()));
        Map<StreamMessageId, Map<String, String>> claimed = stream.claim(GROUP, config.node().id(), idle,
                TimeUnit.MILLISECONDS, owners.keySet().toArray(StreamMessageId[]::new));
        if (System.currentTimeMillis() - began >= config.node().heartbeat().toMillis()) {
            claimed.keySet().forEach(id -> stream.fastClaim(GROUP, owners.get(id), 0, TimeUnit.MILLISECONDS, id));
            LOG.fine(() -> "the store was slow to answer: no takeover of '" + processor + "' this round");
            return false;
        }
        claimed.forEach((id, fields) -> {
            if (!inFlight.contains(new InFlight(processor, id.toString()))) {
                DispatchEntry dispatched = DispatchEntry.of(fields);
                LOG.info(() -> "taking over processor '" + processor + "' of run " + dispatched.runId()
                        + " from node " + owners.get(id) + ", which stopped answering");
                run(processor, id, dispatched);
            }
        });
        return !claimed.isEmpty();
    }

    private void run(String processor, StreamMessageId id, DispatchEntry dispatched) {
        String runId = dispatched.runId();
        InFlight entry = new InFlight(processor, id.toString());
        inFlight.add(entry);
        try {
            receiver.runDispatched(runId, processor, dispatched.epoch(), () -> acknowledge(entry));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not run dispatched processor '" + processor + "' of run " + runId, e);
            acknowledge(entry);
        }
    }

    /**
     * Claims this node's running entries again, so that their idle time shows this node is alive; an
     * entry another node took over meanwhile (this node stalled) stays with it, and is forgotten here.
     */
    private void keepInFlightFresh() {
        Map<String, List<InFlight>> byProcessor = new HashMap<>();
        inFlight.forEach(entry -> byProcessor.computeIfAbsent(entry.processor(), p -> new ArrayList<>()).add(entry));
        byProcessor.forEach((processor, entries) -> {
            List<String> lost = store.call(Scripts.dispatchKeep(keys(), processor, config.node().id(),
                    entries.stream().map(InFlight::id).toList()));
            for (String id : lost) {
                LOG.warning(() -> "dispatch " + id + " of processor '" + processor + "' was taken over by another node"
                        + " while this one did not answer; this node's attempt is fenced off");
                inFlight.remove(new InFlight(processor, id));
            }
        });
    }

    /** The invocation ended: its entry goes, unless another node took it over meanwhile. */
    private void acknowledge(InFlight entry) {
        if (!inFlight.remove(entry)) {
            return; // taken over: the entry is the new owner's
        }
        try {
            if (!store.call(Scripts.dispatchDone(keys(), entry.processor(), config.node().id(), entry.id()))) {
                LOG.info(() -> "dispatch " + entry + " ended here after another node took it over; left to that node");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not acknowledge dispatch " + entry, e);
        }
    }

    private record InFlight(String processor, String id) {
    }

    private void createGroup(String processor) {
        store.call(Scripts.ensureGroup(keys(), processor));
    }

    private RStream<String, String> stream(String processor) {
        return store.redisson().getStream(keys().dispatch(processor), StringCodec.INSTANCE);
    }

    private StoreKeys keys() {
        return new StoreKeys(config.store().keyPrefix());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
