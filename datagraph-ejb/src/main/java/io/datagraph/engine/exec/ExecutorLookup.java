package io.datagraph.engine.exec;

import io.datagraph.engine.config.EngineConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Finds the pool processors run on: the server's default {@code ManagedExecutorService} (injected
 * by the container), else the one at {@code datagraph.executor.jndi}, else, outside a server, a
 * private pool of {@code datagraph.executor.fallback-threads} daemon threads.
 */
@ApplicationScoped
public class ExecutorLookup {

    private static final Logger LOG = Logger.getLogger(ExecutorLookup.class.getName());

    @Inject
    EngineConfig config;

    /** The server's default (null under plain CDI: tests, Weld SE), found when the bean is made. */
    private volatile ManagedExecutorService managed;

    private ExecutorService privatePool;

    /** What {@link #executor()} settled on, for liveness to report; null until then. */
    private volatile String description;

    /** Where {@link #managed} was found. */
    private String managedAt;

    /** Whether the JVM has no naming service (plain CDI): then every thread settles on the private pool. */
    private volatile boolean noNaming;

    @PostConstruct
    void lookUp() {
        for (String name : ServerResources.EXECUTOR_NAMES) {
            managed = ServerResources.lookup(name, ManagedExecutorService.class);
            if (managed != null) {
                managedAt = name;
                return;
            }
        }
        noNaming = !ServerResources.namingAvailable();
    }

    public synchronized ExecutorService executor() {
        if (managedFound()) {
            description = "the server's ManagedExecutorService (" + managedAt + ")";
            return managed;
        }
        if (privatePool != null) {
            return privatePool;
        }
        try {
            ExecutorService found = InitialContext.doLookup(config.executor().jndi());
            description = "the ManagedExecutorService at " + config.executor().jndi();
            return found;
        } catch (NamingException | RuntimeException e) {
            LOG.info(() -> "no ManagedExecutorService at " + config.executor().jndi() + " (" + e
                    + "); running processors on a private pool of " + config.executor().fallbackThreads() + " threads");
            privatePool = Executors.newFixedThreadPool(config.executor().fallbackThreads(), new DaemonThreads());
            description = "a private pool of " + config.executor().fallbackThreads() + " threads (no ManagedExecutorService at "
                    + config.executor().jndi() + ")";
            return privatePool;
        }
    }

    /**
     * Whether the server's default executor was found (from this thread, if the bean is made now): then
     * {@link #executor()} answers it from any thread.
     */
    public boolean managedFound() {
        return managed != null && ServerResources.EXECUTOR.equals(config.executor().jndi());
    }

    /**
     * Whether {@link #executor()} settles on the same pool whichever thread asks first: when the server's
     * default was found, or when there is no naming service to find any pool in. Otherwise a thread that
     * does not see {@code java:comp} would settle on the private pool for good.
     */
    public boolean answersAlikeFromAnyThread() {
        return managedFound() || noNaming;
    }

    /** Which pool processors run on, once {@link #executor()} has been asked; else empty. */
    public java.util.Optional<String> description() {
        return java.util.Optional.ofNullable(description);
    }

    @PreDestroy
    synchronized void shutDown() {
        if (privatePool != null) {
            privatePool.shutdownNow();
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "datagraph-processor-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
