package io.datagraph.engine.run;

import io.datagraph.RunStatus;
import io.datagraph.UnknownRunException;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.io.JsonMapper;
import io.datagraph.engine.io.StreamMetrics;
import io.datagraph.engine.io.ValueCodec;
import io.datagraph.engine.processor.ProcessorMethod;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.store.Signals;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.engine.trace.Tracing;
import io.datagraph.flow.ProcessorSignature;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.codec.StringCodec;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workers of element-wise processors on this node. When an element-wise processor's partition is
 * due, the run is listed under the processor in the store ({@link StoreKeys#elementWiseRuns}) and a
 * notice goes out; every node serving the processor, this one included, then starts its workers for
 * the run — {@code concurrency} of them, each on a thread of its own from the server's
 * {@code ManagedThreadFactory} (not the default executor, which WildFly sizes from the core count). A
 * node that starts later finds the run in the list at its next heartbeat and joins too. Workers keep
 * their claims fresh every third of {@code datagraph.elementwise.lease}; a worker that stops doing so
 * (its node died, or it stalls) loses them to the others.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class ElementWorkers {

    private static final Logger LOG = Logger.getLogger(ElementWorkers.class.getName());

    @Inject
    StoreClient store;

    @Inject
    Signals signals;

    @Inject
    EngineConfig config;

    @Inject
    EntryCodec entries;

    @Inject
    JsonMapper json;

    @Inject
    ProcessorRegistry registry;

    @Inject
    RunRepository runs;

    @Inject
    ManagedThreads threads;

    @Inject
    Supervisor supervisor;

    @Inject
    BeanManager beanManager;

    @Inject
    ProcessorMetrics processorMetrics;

    @Inject
    RunMetrics runMetrics;

    @Inject
    Tracing tracing;

    @Inject
    StreamMetrics streamMetrics;

    private final Set<ElementWorker> active = ConcurrentHashMap.newKeySet();
    /** {@code <run>/<processor>} this node has workers for. */
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private ExecutorService pool;
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> scan;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (registry.signatures().stream().noneMatch(ProcessorSignature::isElementWise)) {
            return;
        }
        pool = threads.newCachedPool("datagraph-worker");
        long lease = config.elementWise().lease().toMillis();
        keepAlive = threads.every("the element-wise keep-alive", lease / 3, lease / 3, TimeUnit.MILLISECONDS,
                this::keepClaimsFresh);
        long beat = config.node().heartbeat().toMillis();
        scan = threads.every("the element-wise scan", beat, beat, TimeUnit.MILLISECONDS, this::joinListedRuns);
        signals.onDispatch(processor -> {
            if (registry.find(processor).filter(ProcessorMethod::elementWise).isPresent()) {
                threads.soon("joining the runs of '" + processor + "'", this::joinListedRuns);
            }
        });
    }

    @PreDestroy
    void stop() {
        active.forEach(ElementWorker::stop);
        if (keepAlive != null) {
            keepAlive.cancel(false);
            scan.cancel(false);
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /**
     * The element-wise processor's partition is due: mark it running, list the run for every node
     * serving it, and start this node's workers if it serves it.
     */
    void begin(String runId, RunPlan plan, RunPlan.Step step) {
        runs.attempt(runId, step, Supervisor.DISPATCHED);
        listed(step.processor()).add(System.currentTimeMillis(), runId);
        signals.publishDispatch(step.processor());
        join(runId, plan, step);
    }

    /** Starts this node's workers for the run, once, if it serves the processor. */
    private void join(String runId, RunPlan plan, RunPlan.Step step) {
        ProcessorMethod method = registry.find(step.processor()).filter(ProcessorMethod::elementWise).orElse(null);
        if (method == null || pool == null || !joined.add(runId + "/" + step.processor())) {
            return;
        }
        String prefix = config.node().id() + "/" + UUID.randomUUID().toString().substring(0, 8) + "/";
        for (int i = 0; i < step.elementWise().concurrency(); i++) {
            ElementWorker worker = new ElementWorker(this, runId, plan, step, method, prefix + i);
            active.add(worker);
            pool.execute(worker);
        }
        LOG.fine(() -> "joined run " + runId + " with " + step.elementWise().concurrency() + " workers of '"
                + step.processor() + "'");
    }

    /** Joins the listed runs of every element-wise processor served here; drops the list's ended runs. */
    private void joinListedRuns() {
        for (ProcessorSignature signature : registry.signatures()) {
            if (!signature.isElementWise()) {
                continue;
            }
            for (String runId : listed(signature.name()).readAll()) {
                if (joined.contains(runId + "/" + signature.name())) {
                    continue;
                }
                try {
                    RunPlan plan = runs.plan(runId);
                    if (runs.state(runId).status() != RunStatus.RUNNING) {
                        listed(signature.name()).remove(runId);
                        continue;
                    }
                    plan.steps().stream().filter(step -> step.processor().equals(signature.name())).findFirst()
                            .ifPresent(step -> join(runId, plan, step));
                } catch (UnknownRunException expired) {
                    listed(signature.name()).remove(runId);
                }
            }
        }
    }

    private void keepClaimsFresh() {
        for (ElementWorker worker : active) {
            List<io.datagraph.engine.protocol.WorkUnit> units = worker.claimed();
            if (!units.isEmpty()) {
                try {
                    store.call(Scripts.keepAlive(keys(worker.runId()), worker.processor(), worker.consumer(), units));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "keep-alive of " + worker.consumer() + " failed", e);
                }
            }
        }
    }

    /** A worker ended: when the processor is done or its run ended, the run leaves the list. */
    void ended(ElementWorker worker) {
        active.remove(worker);
        boolean last = active.stream().noneMatch(other -> other.runId().equals(worker.runId())
                && other.processor().equals(worker.processor()));
        if (last) {
            // a restart of the run may bring its workers back
            joined.remove(worker.runId() + "/" + worker.processor());
            try {
                listed(worker.processor()).remove(worker.runId());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not unlist run " + worker.runId(), e);
            }
        }
    }

    private RScoredSortedSet<String> listed(String processor) {
        return store.redisson().getScoredSortedSet(new StoreKeys(config.store().keyPrefix()).elementWiseRuns(processor),
                StringCodec.INSTANCE);
    }

    void partitionDue(String runId, RunPlan plan, int partition) {
        supervisor.partitionDue(runId, plan, partition);
    }

    io.datagraph.engine.protocol.Driver driver(RunPlan plan) {
        return supervisor.driver(plan);
    }

    void fail(String runId, RunPlan plan, RunPlan.Step step, Throwable error) {
        supervisor.failed(runId, plan, step, error);
    }

    ProcessorMetrics processorMetrics() {
        return processorMetrics;
    }

    RunMetrics runMetrics() {
        return runMetrics;
    }

    Tracing tracing() {
        return tracing;
    }

    StreamMetrics streamMetrics() {
        return streamMetrics;
    }

    RunKeys keys(String runId) {
        return new RunKeys(config.store().keyPrefix(), runId);
    }

    StoreClient store() {
        return store;
    }

    Signals signals() {
        return signals;
    }

    EntryCodec entries() {
        return entries;
    }

    BeanManager beanManager() {
        return beanManager;
    }

    ValueCodec<?> codec(Type type) {
        return ValueCodec.forType(type, json.jsonb());
    }

    Duration lease() {
        return config.elementWise().lease();
    }

    /** Longest an idle worker waits before claiming again: covers reclaims of expired leases, which no signal announces. */
    Duration idleWait() {
        Duration half = config.elementWise().lease().dividedBy(2);
        return half.compareTo(config.streams().pollInterval()) < 0 ? half : config.streams().pollInterval();
    }

    int reorderWindow() {
        return config.elementWise().reorderWindow();
    }

    int maxResultBytes() {
        return config.elementWise().maxResultBytes();
    }

    String nodeId() {
        return config.node().id();
    }
}
