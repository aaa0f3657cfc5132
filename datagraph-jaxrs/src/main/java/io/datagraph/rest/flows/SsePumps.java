package io.datagraph.rest.flows;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that send Server-Sent Events: one per connected client, created on demand from the
 * server's {@code ManagedThreadFactory} and dropped after a minute idle. Kept apart from the
 * {@code ManagedExecutorService} that runs processors, so that many (or stuck) clients can never
 * take threads a run needs.
 */
@ApplicationScoped
public class SsePumps {

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService pool;

    @PostConstruct
    void create() {
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }

    @PreDestroy
    void shutDown() {
        pool.shutdownNow();
    }

    public void start(Runnable pump) {
        pool.execute(pump);
    }
}
