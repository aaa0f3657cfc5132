package io.datagraph.engine.node;

import io.datagraph.spi.ProcessorExecutor;
import io.datagraph.spi.ProcessorTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code store} executor: runs a processor by name on whichever live node serving it (this one
 * included) takes the invocation from its dispatch stream first (see {@link Dispatcher}). The task
 * itself never runs here; the node that takes it runs its own. Slower to start than {@code local},
 * but a processor whose node dies is taken over by another. Thread-safe.
 */
@ApplicationScoped
public class StoreDispatchExecutor implements ProcessorExecutor {

    @Inject
    NodeDirectory directory;

    @Inject
    Dispatcher dispatcher;

    @Override
    public boolean canExecute(String processor) {
        return directory.served(processor);
    }

    @Override
    public void execute(ProcessorTask task) {
        dispatcher.dispatch(task.runId(), task.processor(), task.epoch());
    }

    @Override
    public boolean local() {
        return false;
    }
}
