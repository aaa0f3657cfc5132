package io.datagraph.engine.exec;

import io.datagraph.engine.processor.ProcessorRegistry;
import io.datagraph.spi.ProcessorExecutor;
import io.datagraph.spi.ProcessorTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutorService;

/**
 * The {@code local} executor: runs the processors this node serves on the pool {@link ExecutorLookup}
 * finds (the server's {@code ManagedExecutorService}, or a private pool outside a server). The pool
 * may be smaller than a flow: a reader blocked on a producer still queued here runs it itself (see
 * {@link ProcessorExecutor}'s contract), so a flow of N processors completes on fewer threads.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class LocalExecutor implements ProcessorExecutor {

    @Inject
    ProcessorRegistry registry;

    @Inject
    ExecutorLookup lookup;

    /**
     * Looked up at the first processor handed here, not when the bean is made: that may be on a thread
     * of the {@code ManagedThreadFactory} (the warm-up's, asking which processors run here), which on
     * WildFly does not see {@code java:comp}, and the lookup would settle on the private pool for good.
     */
    private volatile ExecutorService pool;

    private ExecutorService lookedUp() {
        ExecutorService found = pool;
        if (found == null) {
            found = lookup.executor();
            pool = found;
        }
        return found;
    }

    /** Which pool processors run on here ("not looked up yet" before the first). */
    public String pool() {
        return lookup.description().orElse("not looked up yet");
    }

    @Override
    public boolean canExecute(String processor) {
        return registry.find(processor).isPresent();
    }

    @Override
    public void execute(ProcessorTask task) {
        lookedUp().execute(() -> {
            // an interrupt left by the thread's previous work is not meant for this processor
            Thread.interrupted();
            try {
                task.run();
            } finally {
                // an interrupt meant for this run must not leak into the pool thread's next task
                Thread.interrupted();
            }
        });
    }

    /** Whether the pool still takes work (false once the server shuts it down). */
    public boolean accepting() {
        ExecutorService found = pool;
        if (found == null) {
            return true; // no processor has run yet
        }
        try {
            return !found.isShutdown();
        } catch (IllegalStateException managed) {
            // a ManagedExecutorService refuses lifecycle calls: the container owns its lifecycle
            return true;
        }
    }
}
