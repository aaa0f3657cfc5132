package io.datagraph.engine.exec;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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

    /** The server's (null under plain CDI), found when the bean is made, on a thread of the container. */
    private volatile ManagedScheduledExecutorService managedScheduler;
    private volatile ManagedThreadFactory managedThreadFactory;

    private ScheduledExecutorService privateScheduler;
    private ScheduledExecutorService timer;
    private ExecutorService background;

    @PostConstruct
    void lookUp() {
        managedScheduler = ServerResources.lookup(ServerResources.SCHEDULER, ManagedScheduledExecutorService.class);
        managedThreadFactory = ServerResources.lookup(ServerResources.THREAD_FACTORY, ManagedThreadFactory.class);
    }

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

    /** Runs {@code task} once after {@code delay}, on the scheduler's threads; a task that throws is logged. */
    public void later(String name, java.time.Duration delay, Runnable task) {
        scheduler().schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, name + " failed", e);
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs {@code task} once, soon, on a thread of the engine's own (made by the {@code ManagedThreadFactory},
     * kept a minute when idle); a task that throws is logged. For work done per run (telling observers it
     * ended): the server's managed scheduler captures and restores the caller's context for every task, and
     * Payara looks its context providers up with a {@code ServiceLoader} each time — 6% of its CPU in small
     * flows at one client (JFR).
     */
    public void soon(String name, Runnable task) {
        background().execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, name + " failed", e);
            }
        });
    }

    /**
     * Runs {@code task} once after {@code delay}, a short one, on a timer thread of the engine's own (made by
     * the {@code ManagedThreadFactory}): for work scheduled per batch of values. The server's managed
     * scheduler captures and restores the caller's context for every task, which cost a small flow on
     * WildFly 0.3 ms of CPU when used here. The task must be quick and must not throw.
     */
    public void shortly(Duration delay, Runnable task) {
        timer().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            ThreadFactory factory = managedThreadFactory != null ? managedThreadFactory : daemons("datagraph-timer");
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
            executor.setRemoveOnCancelPolicy(true);
            timer = executor;
        }
        return timer;
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

    /**
     * A pool that gives each task a thread of its own, from the {@code ManagedThreadFactory} (private
     * daemon threads outside a server), keeping idle threads a minute. For long-running workers whose
     * number the application sets (not the server's default pool, sized from the core count).
     */
    public ExecutorService newCachedPool(String name) {
        ThreadFactory factory = managedThreadFactory != null ? managedThreadFactory : daemons(name);
        return new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), factory);
    }

    private synchronized ExecutorService background() {
        if (background == null) {
            background = newCachedPool("datagraph-background");
        }
        return background;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (managedScheduler != null) {
            return managedScheduler;
        }
        if (privateScheduler == null) {
            privateScheduler = Executors.newScheduledThreadPool(2, daemons("datagraph-scheduler"));
        }
        return privateScheduler;
    }

    /** Private daemon threads named {@code <name>-1}, {@code <name>-2} …, for outside a server. */
    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    synchronized void shutDown() {
        if (privateScheduler != null) {
            privateScheduler.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }
}
