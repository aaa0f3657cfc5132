package io.datagraph.test;

import io.datagraph.Datagraph;
import io.datagraph.FlowFailedException;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Runs a flow to its end and reads its outputs, in one line:
 *
 * <pre>{@code
 * @Inject FlowTester flows;
 *
 * List<String> greetings = flows.run("greet", Map.of("names", List.of("Ada", "Linus")))
 *         .output("greetings", String.class);
 * }</pre>
 *
 * A run that fails or does not end within the timeout (30 s unless {@link #within} says otherwise)
 * fails the test with the run's failure as the cause. Thread-safe.
 */
@Dependent
public class FlowTester {

    private final Datagraph datagraph;
    private final Duration timeout;

    @Inject
    FlowTester(Datagraph datagraph) {
        this(datagraph, Duration.ofSeconds(30));
    }

    private FlowTester(Datagraph datagraph, Duration timeout) {
        this.datagraph = datagraph;
        this.timeout = timeout;
    }

    /** The same, waiting at most {@code limit} for a run to end. */
    public FlowTester within(Duration limit) {
        return new FlowTester(datagraph, limit);
    }

    /** Runs one processor, or a named flow if no processor has that name, with these input values. */
    public FinishedRun run(String processorOrFlow, Map<String, ? extends List<?>> inputs) {
        boolean processor = datagraph.processors().stream().anyMatch(p -> p.name().equals(processorOrFlow));
        return run(processor ? Flow.of(processorOrFlow) : datagraph.flow(processorOrFlow), inputs);
    }

    /** Runs {@code flow} with these input values until it ends. */
    public FinishedRun run(Flow flow, Map<String, ? extends List<?>> inputs) {
        Run run = datagraph.start(flow, inputs);
        RunStatus status;
        try {
            status = run.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for run " + run.id(), e);
        }
        if (!status.isTerminal()) {
            throw new AssertionError("run " + run.id() + " of " + flow + " did not end within " + timeout,
                    new TimeoutException());
        }
        if (status != RunStatus.COMPLETED) {
            throw new AssertionError("run " + run.id() + " of " + flow + " ended " + status
                    + run.failure().map(failure -> ": " + failure).orElse(""),
                    run.failure().map(failure -> (Throwable) new FlowFailedException(run.id(), failure)).orElse(null));
        }
        return new FinishedRun(run);
    }

    /** A run that completed; its outputs stay readable until the run expires from the store. */
    public record FinishedRun(Run run) {

        /** Every value of the output or input {@code stream}, in order, decoded as {@code type}. */
        public <T> List<T> output(String stream, Class<T> type) {
            return run.<T>io(stream, type).stream().toList();
        }
    }
}
