package io.datagraph.rest.flows;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.health.StreamingClients;
import io.datagraph.engine.trace.Tracing;
import io.datagraph.rest.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads that send Server-Sent Events: one per connected client, created on demand from the
 * server's {@code ManagedThreadFactory} and dropped after a minute idle, at most
 * {@code datagraph.rest.sse-clients} at once; a client beyond them is answered 503 with
 * {@code Retry-After}. Kept apart from the pool that runs processors, so that many (or stuck) clients
 * can never take threads a run needs. Events are written with blocking writes on these threads, not
 * through the JAX-RS {@code SseEventSink}, whose implementations may queue events in memory without
 * bound for a client that does not read (Jersey's does: a stalled client filled Payara's heap); a
 * client whose write stays blocked longer than {@code datagraph.rest.sse-send-timeout} is given up,
 * freeing its thread. Thread-safe.
 */
@ApplicationScoped
public class SsePumps {

    /** Seconds a refused client is asked to wait: SSE clients reconnect, and a minute frees idle threads. */
    private static final int RETRY_AFTER = 5;

    private static final Logger LOG = Logger.getLogger(SsePumps.class.getName());

    /** Injected by the container; null under plain CDI. */
    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    EngineConfig config;

    @Inject
    StreamingClients streaming;

    @Inject
    ManagedThreads threads;

    @Inject
    Tracing tracing;

    private ThreadPoolExecutor pool;
    private final Set<GuardedOutput> sending = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> stallCheck;

    @PostConstruct
    void create() {
        pool = new ThreadPoolExecutor(0, config.rest().sseClients(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threadFactory != null ? threadFactory : Executors.defaultThreadFactory());
        streaming.register(pool::getActiveCount, pool.getMaximumPoolSize());
        long period = Math.max(100, Math.min(1000, sendTimeout().toMillis() / 2));
        stallCheck = threads.every("the check for stalled event streams", period, period, TimeUnit.MILLISECONDS,
                this::abandonStalled);
    }

    /**
     * Runs the feed on the response body. The container calls this on the thread that resumed the
     * response (a sender thread), so blocked writes hold that thread, never one of the container's.
     */
    private void send(OutputStream body, EventFeed feed) {
        GuardedOutput guarded = new GuardedOutput(body);
        sending.add(guarded);
        try (EventStream events = new EventStream(guarded)) {
            // the headers go out now, so the client knows it is connected before any event; a comment gives
            // proxies that wait for body bytes something to pass on
            events.comment("stream open");
            events.flush();
            feed.writeTo(events);
        } catch (IOException gone) {
            LOG.log(Level.FINE, "an event stream's client went away", gone);
        } catch (io.datagraph.DatagraphException ended) {
            LOG.log(Level.FINE, "an event stream's run went away", ended);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sending.remove(guarded);
        }
    }

    /** Clients whose send blocked past the send timeout are given up, so that their threads go back to the pool. */
    private void abandonStalled() {
        long timeout = sendTimeout().toNanos();
        for (GuardedOutput sink : sending) {
            if (sink.stalledLongerThan(timeout)) {
                LOG.info(() -> "a client left its events unread for " + sendTimeout()
                        + " (datagraph.rest.sse-send-timeout): closing its stream");
                sending.remove(sink);
                sink.abandon();
            }
        }
    }

    @PreDestroy
    void shutDown() {
        if (stallCheck != null) {
            stallCheck.cancel(false);
        }
        pool.shutdownNow();
    }

    /** How long a client may leave its queued events unread before it is dropped ({@code datagraph.rest.sse-send-timeout}). */
    private java.time.Duration sendTimeout() {
        return config.rest().sseSendTimeout();
    }

    /**
     * Answers a request with an event stream: {@code feed} writes it on a thread of its own, whose
     * writes block while the client does not read; a write blocked longer than the send timeout gives
     * the client up.
     *
     * @throws WebApplicationException 503 with {@code Retry-After} when every sender thread is busy
     */
    public void start(AsyncResponse response, EventFeed feed) {
        try {
            pool.execute(() -> response.resume(Response.ok((StreamingOutput) body -> send(body, feed), "text/event-stream")
                    .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").build()));
            // the response is sent from a sender thread: this container thread must not keep the request's trace
            tracing.leaveRequestContext();
        } catch (RejectedExecutionException full) {
            throw new WebApplicationException(Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    pool.getMaximumPoolSize() + " clients are following streams already (datagraph.rest.sse-clients);"
                            + " retry in a few seconds")).header("Retry-After", RETRY_AFTER).build());
        }
    }
}
