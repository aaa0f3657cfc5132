package io.datagraph.engine.exec;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The threads the engine's own background work runs on (the dispatch loop, the heartbeat, the
 * watchdog): the server's default {@code ManagedScheduledExecutorService} and
 * {@code ManagedThreadFactory}, so that the container sees, names and stops them; outside a server
 * (tests, Weld SE) private daemon threads. Never the pool that runs processors.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class ManagedThreads {

    private static final Logger LOG = Logger.getLogger(ManagedThreads.class.getName());

    /** Injected by a Jakarta EE container; stays null under plain CDI. */
    @Resource
    ManagedScheduledExecutorService managedScheduler;

    /** Injected by a Jakarta EE container; stays null under plain CDI. */
    @Resource
    ManagedThreadFactory managedThreadFactory;

    private ScheduledExecutorService privateScheduler;

    /** Whether background work runs on the server's managed threads. */
    public boolean managed() {
        return managedScheduler != null && managedThreadFactory != null;
    }

    /**
     * Runs {@code task} every {@code period} after {@code initialDelay}, each run after the previous
     * one ended; a task that throws is logged and runs again at the next period. Cancel the returned
     * future to stop it.
     */
    public ScheduledFuture<?> every(String name, long initialDelay, long period, TimeUnit unit, Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, name + " failed; it runs again in " + period + " " + unit, e);
            }
        };
        return scheduler().scheduleWithFixedDelay(guarded, initialDelay, period, unit);
    }

    /** A new, not yet started thread for a long-running loop. */
    public Thread newThread(String name, Runnable loop) {
        Thread thread = managedThreadFactory != null ? managedThreadFactory.newThread(loop) : new Thread(loop);
        if (managedThreadFactory == null) {
            thread.setDaemon(true);
            thread.setName(name);
        }
        return thread;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (managedScheduler != null) {
            return managedScheduler;
        }
        if (privateScheduler == null) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory daemons = runnable -> {
                Thread thread = new Thread(runnable, "datagraph-scheduler-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            privateScheduler = Executors.newScheduledThreadPool(2, daemons);
        }
        return privateScheduler;
    }

    @PreDestroy
    synchronized void shutDown() {
        if (privateScheduler != null) {
            privateScheduler.shutdownNow();
        }
    }
}
