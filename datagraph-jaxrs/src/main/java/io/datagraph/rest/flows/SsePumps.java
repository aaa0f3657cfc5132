package io.datagraph.rest.flows;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.rest.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that send Server-Sent Events: one per connected client, created on demand from the
 * server's {@code ManagedThreadFactory} and dropped after a minute idle, at most
 * {@code datagraph.rest.sse-clients} at once; a client beyond them is answered 503 with
 * {@code Retry-After}. Kept apart from the pool that runs processors, so that many (or stuck) clients
 * can never take threads a run needs. Thread-safe.
 */
@ApplicationScoped
public class SsePumps {

    /** Seconds a refused client is asked to wait: SSE clients reconnect, and a minute frees idle threads. */
    private static final int RETRY_AFTER = 5;

    /** Injected by the container; null under plain CDI. */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    EngineConfig config;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void create() {
        pool = new ThreadPoolExecutor(0, config.rest().sseClients(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads != null ? threads : Executors.defaultThreadFactory());
    }

    @PreDestroy
    void shutDown() {
        pool.shutdownNow();
    }

    /**
     * Starts sending on a thread of its own.
     *
     * @throws WebApplicationException 503 with {@code Retry-After} when every sender thread is busy
     */
    public void start(Runnable pump) {
        try {
            pool.execute(pump);
        } catch (RejectedExecutionException full) {
            throw new WebApplicationException(Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    pool.getMaximumPoolSize() + " clients are following streams already (datagraph.rest.sse-clients);"
                            + " retry in a few seconds")).header("Retry-After", RETRY_AFTER).build());
        }
    }
}
