package io.datagraph.engine.run;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.config.ExecutorSettings;
import io.datagraph.engine.exec.LocalExecutor;
import io.datagraph.engine.node.StoreDispatchExecutor;
import io.datagraph.engine.protocol.Driver;
import io.datagraph.spi.ProcessorExecutor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the {@link ProcessorExecutor} for each invocation, as {@code datagraph.executor.mode} says:
 * {@code local} (the default), {@code store}, or the {@code @Named} name of an application's own
 * executor bean. See {@link ProcessorExecutor} for the rules. Immutable after start; thread-safe.
 */
@ApplicationScoped
public class ExecutorSelection {

    @Inject
    EngineConfig config;

    @Inject
    LocalExecutor local;

    @Inject
    StoreDispatchExecutor store;

    @Inject
    @Any
    Instance<ProcessorExecutor> executors;

    private ProcessorExecutor selected;

    @PostConstruct
    void select() {
        String mode = config.executor().mode();
        selected = switch (mode) {
            case ExecutorSettings.LOCAL -> local;
            case ExecutorSettings.STORE -> store;
            default -> executors.select(NamedLiteral.of(mode)).get();
        };
    }

    /** The executor {@code datagraph.executor.mode} selects. */
    public ProcessorExecutor selected() {
        return selected;
    }

    /** The executor for a processor of a run this node starts: the selected one if it can, else the store. */
    ProcessorExecutor forStart(String processor) {
        return selected.canExecute(processor) ? selected : store;
    }

    /**
     * This node as the scheduler of a run's partitions: the processors it runs itself (element-wise ones
     * begin here too), as opposed to those it hands to the store or to an executor elsewhere.
     */
    Driver driver(RunPlan plan) {
        List<String> here = new ArrayList<>();
        for (RunPlan.Step step : plan.steps()) {
            if (step.isElementWise() || forStart(step.processor()).local()) {
                here.add(step.processor());
            }
        }
        return new Driver(config.node().id(), here);
    }

    /** The executor for an invocation this node took from the store: the selected one if it runs it here, else local. */
    ProcessorExecutor forDispatched(String processor) {
        return selected.local() && selected.canExecute(processor) ? selected : local;
    }
}
