package io.datagraph;

import io.datagraph.flow.Flow;
import io.datagraph.flow.FlowResolutionException;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.flow.ResolvedFlow;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The entry point: resolve and start flows, find runs. Inject it:
 * <pre>{@code @Inject Datagraph datagraph;
 * Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(5)));}</pre>
 */
public interface Datagraph {

    /**
     * Resolves and starts a run; the processors start before this returns. With an
     * {@linkplain RunRequest#idempotencyKey idempotency key} already bound, answers the run it is bound to.
     *
     * @throws FlowResolutionException if the flow does not resolve or its floating inputs lack values
     * @throws IdempotencyConflictException if the request's idempotency key is bound to a run started
     *         with a different request
     * @throws StoreUnavailableException if the store cannot be reached
     */
    default Run start(RunRequest request) {
        return submit(request).run();
    }

    /**
     * Like {@link #start(RunRequest)}, and says whether this call created the run: {@code false} when
     * the request's idempotency key was bound to it already (a retried or concurrent duplicate).
     */
    Submission submit(RunRequest request);

    /** What {@link #submit} did: the run, and whether this call created it. */
    record Submission(Run run, boolean created) {
    }

    /** Starts {@code flow} with the given floating-input values and the final outputs selected. */
    default Run start(Flow flow, Map<String, ? extends List<?>> inputs) {
        return start(RunRequest.of(flow).inputs(inputs));
    }

    /** Starts a flow declared in code (a CDI bean of type {@link Flow}) by its name. */
    default Run start(String flowName, Map<String, ? extends List<?>> inputs) {
        return start(flow(flowName), inputs);
    }

    /**
     * The flow declared in code under this name.
     *
     * @throws io.datagraph.flow.UnknownFlowException if none is declared
     */
    Flow flow(String name);

    /** Resolves a flow without starting it: topology, partitions, floating inputs. */
    ResolvedFlow resolve(Flow flow);

    /**
     * A handle on a run started by any node.
     *
     * @throws UnknownRunException if the store has no such run (or it expired)
     */
    Run run(String id);

    /** The most recently started runs of the installation, newest first (expired ones left out). */
    List<Run> recent(int limit);

    /**
     * The retained runs that match the query, newest first, a page at a time. Each page costs a bounded
     * number of store round trips however many runs the store holds.
     *
     * @throws IllegalArgumentException if the query's cursor is not one a page answered
     */
    RunPage history(RunQuery query);

    /** The processors flows can use: those of every node registered in the store, this one included. */
    Collection<ProcessorSignature> processors();
}
