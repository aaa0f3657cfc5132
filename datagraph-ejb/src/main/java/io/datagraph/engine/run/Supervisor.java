package io.datagraph.engine.run;

import io.datagraph.Datagraph;
import io.datagraph.FlowFailedException;
import io.datagraph.IdempotencyConflictException;
import io.datagraph.LimitExceededException;
import io.datagraph.OutputSelection;
import io.datagraph.RunCancelledException;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.UnknownRunException;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.io.AttemptSupersededException;
import io.datagraph.engine.io.StreamFactory;
import io.datagraph.engine.node.DispatchReceiver;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.processor.ProcessorMethod;
import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.engine.protocol.Attempt;
import io.datagraph.engine.protocol.Driver;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.store.Signals;
import io.datagraph.engine.trace.Tracing;
import io.datagraph.spi.ProcessorExecutor;
import io.datagraph.spi.ProcessorTask;
import io.datagraph.flow.Flow;
import io.datagraph.flow.FlowResolver;
import io.datagraph.flow.NoLiveNodeException;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.flow.ResolvedFlow;
import io.datagraph.flow.UnknownProcessorException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives runs on this node: starts them, hands each partition's processors to an executor when it
 * is due ({@link ExecutorSelection}), runs the invocations other nodes dispatch here, and records
 * each processor's end. The store holds all run state; the supervisor keeps only the failures it
 * could not record yet. Thread-safe.
 */
@ApplicationScoped
public class Supervisor implements DispatchReceiver {

    private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());

    /** How an invocation reached this node: started here, or taken from a dispatch stream (retryable). */
    static final String LOCAL = "local";
    static final String DISPATCHED = "store";

    /** Stands for the processor in a failure that is the node's, not a processor's. */
    private static final String NODE = "(node)";

    @Inject
    ProcessorRegistry registry;

    @Inject
    NodeDirectory directory;

    @Inject
    ExecutorSelection executors;

    @Inject
    Invocations invocations;

    @Inject
    ElementWorkers elementWorkers;

    @Inject
    io.datagraph.engine.exec.ManagedThreads threads;

    @Inject
    RunRepository runs;

    @Inject
    RunAdmission admission;

    @Inject
    StreamFactory streams;

    @Inject
    Signals signals;

    @Inject
    EngineConfig config;

    @Inject
    BeanManager beanManager;

    @Inject
    RunMetrics runMetrics;

    @Inject
    ProcessorMetrics processorMetrics;

    @Inject
    Tracing tracing;

    /** Failures that happened while the store was unreachable, to record once it answers again. */
    private final Queue<Failure> unrecorded = new ConcurrentLinkedQueue<>();

    /** Set once the application stops: processors interrupted then are not new failures. */
    private volatile boolean stopping;

    @PostConstruct
    void listen() {
        signals.onRunEnded((runId, status, epoch) -> {
            if (DeploymentWarmUp.isWarmUp(runId)) {
                return; // never admitted, nor seen by observers
            }
            threads.soon("telling observers that run " + runId + " ended",
                    () -> beanManager.getEvent().select(io.datagraph.RunEnded.class).fire(new io.datagraph.RunEnded(runId, status)));
            admission.release(runId, status);
            if (status == RunStatus.FAILED || status == RunStatus.CANCELLED) {
                // only that epoch's work: the run may already be restarted when this signal arrives
                invocations.abandon(runId, epoch);
            }
        });
    }

    /**
     * The application stops: runs with processors on this node cannot complete, so fail them with a
     * message that says why (before any bean, the store client included, is destroyed).
     */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopping = true;
        for (String runId : invocations.activeRuns()) {
            try {
                runs.fail(runId, runs.plan(runId), NODE, "the node running its processors stopped");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not fail run " + runId + " while stopping", e);
            }
            invocations.abandon(runId, Long.MAX_VALUE);
        }
    }

    /**
     * Resolves against every processor the store's directory knows, and checks that each one is
     * served here or by a live node.
     */
    public ResolvedFlow resolve(Flow flow) {
        ResolvedFlow resolved = FlowResolver.resolve(flow, directory::signature);
        for (ProcessorSignature processor : resolved.processors()) {
            if (!directory.served(processor.name())) {
                throw new NoLiveNodeException(processor.name());
            }
        }
        return resolved;
    }

    /**
     * Resolves, stores and starts a run; with an idempotency key bound already, answers its run.
     *
     * @throws io.datagraph.LimitExceededException if the flow or its inputs exceed a limit, or
     *         {@code datagraph.limits.concurrent-runs} runs are running
     * @throws IdempotencyConflictException if the key is bound to a run of a different request
     */
    public Datagraph.Submission submit(RunRequest request) {
        directory.checkJoined();
        // read before anything can refuse the start, so that a refused one (the REST layer's warm-up) also
        // pays the first read of a request's span: 13 ms of a fresh Payara's first start otherwise
        String traceParent = tracing.currentParent();
        int processors = request.flow().processors().size();
        if (processors > config.limits().processorsPerFlow()) {
            throw new LimitExceededException(LimitExceededException.Limit.PROCESSORS_PER_FLOW,
                    "a flow of " + processors + " processors", config.limits().processorsPerFlow());
        }
        ResolvedFlow flow = resolve(request.flow());
        flow.checkInputs(request.inputs().keySet(), request.openInputs());
        Optional<String> key = request.idempotencyKey();
        Optional<RequestFingerprint> fingerprint = key.map(k -> RequestFingerprint.of(request, runs.jsonWriter()));
        String runId = key.map(k -> RequestFingerprint.runId(request.startedBy().orElse(""), k))
                .orElseGet(() -> UUID.randomUUID().toString());
        if (fingerprint.isPresent()) {
            // a bound key answers its run without taking a place among the running runs
            Optional<RequestFingerprint> recorded = runs.recordedRequest(runId);
            if (recorded.isPresent()) {
                return bound(runId, key.get(), fingerprint.get(), recorded.get());
            }
        }
        RunPlan plan = RunPlan.of(flow, request.outputSelection(), request.openInputs(), request.concurrency(),
                request.retries()).withTrace(traceParent);
        admission.admit(runId, request.startedBy(), request.flow().processors());
        Optional<RequestFingerprint> existing;
        try {
            existing = runs.create(runId, plan, executors.driver(plan), request.inputs(),
                    request.retention().orElse(config.streams().runTtl()), request.startedBy(), fingerprint);
        } catch (RuntimeException refused) {
            admission.refused(runId, request.startedBy(), request.flow().processors());
            throw refused;
        }
        if (existing.isPresent()) {
            // a concurrent duplicate created it first; the place taken in admission is that run's own
            return bound(runId, key.orElseThrow(), fingerprint.orElseThrow(), existing.get());
        }
        runMetrics.started();
        schedule(runId, plan, 0, 0);
        return new Datagraph.Submission(handle(runId, plan), true);
    }

    /**
     * Starts a run of the engine's built-in processors on this node, for its deployment warm-up, through
     * the path every run takes but admission: so it counts against no limit, is never listed, and counts in
     * no metric of runs. Its processors go to {@code executor} (see {@link DeploymentWarmUp} for which). Its
     * id must be a {@linkplain DeploymentWarmUp#isWarmUp warm-up's}, which no node fires a {@code RunEnded} for.
     */
    StoreRun startWarmUp(String runId, Flow flow, Map<String, List<?>> inputs, Duration retention,
                         Consumer<ProcessorTask> executor) {
        if (!DeploymentWarmUp.isWarmUp(runId)) {
            throw new IllegalArgumentException("not a warm-up's run id: " + runId);
        }
        ResolvedFlow resolved = FlowResolver.resolve(flow, registry::builtInSignature);
        RunPlan plan = RunPlan.of(resolved, OutputSelection.FINAL, Set.of());
        runs.create(runId, plan, new Driver(config.node().id(), plan.processors()), inputs,
                retention, Optional.empty(), Optional.empty());
        for (RunPlan.Step step : plan.partition(0)) {
            executor.accept(new Invocation(this, runId, plan, step, LOCAL, 0, () -> { }));
        }
        return handle(runId, plan);
    }

    private Datagraph.Submission bound(String runId, String key, RequestFingerprint asked, RequestFingerprint recorded) {
        List<String> differences = asked.differencesFrom(recorded);
        if (!differences.isEmpty()) {
            throw new IdempotencyConflictException(key, runId, differences);
        }
        return new Datagraph.Submission(handle(runId, runs.plan(runId)), false);
    }

    /** A handle on a run whose plan is known. */
    public StoreRun handle(String runId, RunPlan plan) {
        return new StoreRun(runId, plan, runs, streams, signals, config.streams().pollInterval(), this::restart);
    }

    /**
     * Hands a partition's processors to their executors; element-wise processors get workers on every
     * node serving them instead ({@link ElementWorkers}).
     */
    private void schedule(String runId, RunPlan plan, int partition, long epoch) {
        for (RunPlan.Step step : plan.partition(partition)) {
            if (step.isElementWise()) {
                elementWorkers.begin(runId, plan, step);
            } else {
                hand(executors.forStart(step.processor()), new Invocation(this, runId, plan, step, LOCAL, epoch, () -> { }));
            }
        }
    }

    /** A partition became due on this node (an element-wise processor of the previous one finished here). */
    void partitionDue(String runId, RunPlan plan, int partition) {
        schedule(runId, plan, partition, runs.epoch(runId));
    }

    /** Runs a processor another node dispatched here; {@code ended} runs once it has ended. */
    @Override
    public void runDispatched(String runId, String processor, long epoch, Runnable ended) {
        if (runs.epoch(runId) != epoch) {
            LOG.info(() -> "dispatch of processor '" + processor + "' for run " + runId + " belongs to epoch " + epoch
                    + ", before the run was restarted: not run");
            ended.run();
            return;
        }
        RunPlan plan = runs.plan(runId);
        RunPlan.Step step = plan.steps().stream().filter(s -> s.processor().equals(processor)).findFirst()
                .orElseThrow(() -> new UnknownProcessorException(processor));
        registry.find(processor).orElseThrow(() -> new UnknownProcessorException(processor));
        hand(executors.forDispatched(processor), new Invocation(this, runId, plan, step, DISPATCHED, epoch, ended));
    }

    private void hand(ProcessorExecutor executor, Invocation invocation) {
        if (executor.local()) {
            invocations.queued(invocation);
        }
        executor.execute(invocation);
    }

    Optional<ProcessorMethod> method(String processor) {
        return registry.find(processor);
    }

    /** This node as the scheduler of the run's next partitions. */
    io.datagraph.engine.protocol.Driver driver(RunPlan plan) {
        return executors.driver(plan);
    }

    Invocations invocations() {
        return invocations;
    }

    ProcessorMetrics processorMetrics() {
        return processorMetrics;
    }

    Tracing tracing() {
        return tracing;
    }

    Optional<Attempt> attempt(String runId, RunPlan.Step step, String via) {
        return runs.attempt(runId, step, via);
    }

    void finished(String runId, RunPlan plan, RunPlan.Step step, Attempt attempt, List<Scripts.LastEntry> last) {
        int next = runs.finish(runId, plan, step, attempt, executors.driver(plan), last);
        if (next >= 0) {
            schedule(runId, plan, next, attempt.epoch());
        }
    }

    void failed(String runId, RunPlan plan, RunPlan.Step step, Throwable error) {
        failed(runId, plan, step, error, null);
    }

    /**
     * A processor threw. A stream processor with retries left is run again, after its delay, as a new
     * attempt that fences off this one's writes and resumes its outputs where they stand (so its values
     * appear once if it is deterministic); otherwise the run fails.
     *
     * @param attempt the attempt that threw; null when it never started
     */
    void failed(String runId, RunPlan plan, RunPlan.Step step, Throwable error, Attempt attempt) {
        if (stopping || endedAlready(runId, error)) {
            LOG.fine(() -> "processor '" + step.processor() + "' of run " + runId + " stopped: " + error.getMessage());
            return;
        }
        processorMetrics.failed(step.processor());
        if (attempt != null && step.retry() != null && step.retry().retries(attempt.number())) {
            processorMetrics.retried(step.processor());
            java.time.Duration delay = step.retry().delayBefore(attempt.number() + 1);
            LOG.info(() -> "processor '" + step.processor() + "' of run " + runId + " threw (" + error + "); attempt "
                    + (attempt.number() + 1) + " in " + delay);
            threads.later("retrying '" + step.processor() + "' of run " + runId, delay,
                    () -> hand(executors.forStart(step.processor()),
                            new Invocation(this, runId, plan, step, LOCAL, attempt.epoch(), () -> { })));
            return;
        }
        String message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        // the processor is over; an interrupt meant for it (its run ended elsewhere) must not stop this write
        Thread.interrupted();
        try {
            if (runs.fail(runId, plan, step.processor(), message, attempt == null ? null : attempt.epoch())) {
                LOG.log(Level.WARNING, "run " + runId + " failed: processor '" + step.processor() + "' threw", error);
            }
        } catch (RuntimeException e) {
            unrecorded.add(new Failure(runId, plan, step.processor(), message, attempt == null ? null : attempt.epoch()));
            LOG.log(Level.WARNING, "could not record the failure of processor '" + step.processor() + "' of run "
                    + runId + " (" + message + "); recording it once the store answers", e);
        }
    }

    /** Records the failures the store could not take when they happened; called periodically. */
    public void recordUnrecordedFailures() {
        for (Failure failure : unrecorded) {
            try {
                runs.fail(failure.runId(), failure.plan(), failure.processor(), failure.message(), failure.epoch());
                unrecorded.remove(failure);
            } catch (RuntimeException stillDown) {
                return;
            }
        }
    }

    /** A failure to record once the store answers; {@code epoch} keeps it from failing a run restarted since. */
    private record Failure(String runId, RunPlan plan, String processor, String message, Long epoch) {
    }

    /**
     * Restarts a FAILED run: re-admits it, switches it back to RUNNING in one script, and runs the
     * processors of its current partition that had not finished, as new attempts.
     */
    void restart(String runId) {
        RunPlan plan = runs.plan(runId);
        int partition = Integer.parseInt(runs.meta(runId).getOrDefault(io.datagraph.engine.protocol.MetaField.PARTITION, "0"));
        admission.admit(runId, runs.startedBy(runId), plan.processors());
        io.datagraph.engine.protocol.Scripts.Restart reply;
        try {
            reply = runs.restart(runId, plan, partition, executors.driver(plan));
        } catch (RuntimeException e) {
            admission.release(runId, RunStatus.FAILED);
            throw e;
        }
        if (!"OK".equals(reply.status())) {
            admission.release(runId, runs.state(runId).status());
            throw new io.datagraph.RestartRefusedException(runId, switch (reply.status()) {
                case "NOT_FAILED" -> "it is " + reply.detail().get(0) + "; only a FAILED run is restarted";
                case "TRIMMED" -> "processor '" + reply.detail().get(0) + "' would re-read input '"
                        + reply.detail().get(1) + "', whose values its readers consumed and the store dropped"
                        + " (start runs with outputs ALL, or datagraph.streams.trim-consumed=false, to keep them)";
                default -> "it moved on meanwhile (" + reply.status() + " " + reply.detail() + "); try again";
            });
        }
        LOG.info(() -> "run " + runId + " restarted (epoch " + reply.epoch() + "): " + reply.again());
        for (RunPlan.Step step : plan.partition(partition)) {
            if (reply.again().contains(step.processor())) {
                if (step.isElementWise()) {
                    elementWorkers.begin(runId, plan, step);
                } else {
                    hand(executors.forStart(step.processor()),
                            new Invocation(this, runId, plan, step, LOCAL, reply.epoch(), () -> { }));
                }
            }
        }
    }

    /** A processor stopping because its run already failed or was cancelled is not a new failure. */
    private static boolean endedAlready(String runId, Throwable error) {
        return error instanceof AttemptSupersededException
                || error instanceof RunCancelledException cancelled && cancelled.runId().equals(runId)
                || error instanceof FlowFailedException failed && failed.runId().equals(runId)
                || error instanceof UnknownRunException unknown && unknown.runId().equals(runId);
    }

    BeanManager beanManager() {
        return beanManager;
    }

    Signals signals() {
        return signals;
    }

    StreamFactory streams() {
        return streams;
    }
}
