package io.datagraph.engine.store;

import io.datagraph.RunStatus;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.protocol.SignalMessage;
import io.datagraph.engine.protocol.StoreKeys;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.redisson.api.RTopic;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Wakes readers waiting for a run's streams, for every run, over one pub/sub subscription.
 *
 * <p>Writers publish a {@link SignalMessage} on one channel after each write and when a run ends;
 * dispatchers publish one after each dispatch. A reader never blocks a store connection: it takes a {@link Watch} on the
 * stream it reads (or on the whole run), reads, and if nothing was there waits on the watch until a signal that
 * concerns it arrives: one naming its stream, or one naming none (the run ended or restarted). Because the watch is
 * taken before the read, a signal between the read and the wait is not lost; a signal lost by the
 * network is covered by the readers' poll interval. Thread-safe.
 */
@ApplicationScoped
public class Signals {

    private static final Logger LOG = Logger.getLogger(Signals.class.getName());

    @Inject
    StoreClient store;

    @Inject
    EngineConfig config;

    private final ConcurrentMap<String, RunSignal> runs = new ConcurrentHashMap<>();
    private final List<RunEndListener> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> dispatchListeners = new CopyOnWriteArrayList<>();
    private RTopic topic;
    private volatile Integer listenerId;

    /** Subscribes as the application starts, so runs ended elsewhere stop their processors here. */
    void subscribeAtStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        subscribe();
    }

    /**
     * Subscribes unless subscribed; once subscribed, the client resubscribes by itself after a
     * reconnection. While the store is down this fails, readers fall back to polling, and the next
     * watch tries again.
     */
    private void subscribe() {
        if (listenerId != null) {
            return;
        }
        synchronized (this) {
            if (listenerId == null) {
                try {
                    topic = store.redisson().getTopic(StoreKeys.signalChannel(config.store().keyPrefix()), StringCodec.INSTANCE);
                    listenerId = topic.addListener(String.class, (channel, message) -> onMessage(message));
                } catch (RuntimeException e) {
                    // RedisException, or the CompletionException around it of the lazy first connect
                    LOG.warning(() -> "cannot subscribe to run signals yet (" + e.getMessage()
                            + "); readers poll every " + config.streams().pollInterval() + " until the store answers");
                }
            }
        }
    }

    /** Whether run signals reach this node (else readers poll). */
    public boolean subscribed() {
        return listenerId != null;
    }

    @PreDestroy
    void unsubscribe() {
        if (listenerId != null) {
            topic.removeListener(listenerId);
        }
    }

    /**
     * Called with the run id and its new final status whenever any node ends a run. Runs on the
     * client's listener thread: the listener must not block or call the store synchronously.
     */
    public void onRunEnded(RunEndListener listener) {
        statusListeners.add(listener);
    }

    /** Called with a processor's name when any node dispatches it. Same rules as {@link #onRunEnded}. */
    public void onDispatch(Consumer<String> listener) {
        dispatchListeners.add(listener);
    }

    /** Tells every node that an invocation of the processor was dispatched (see {@link #onDispatch}). */
    public void publishDispatch(String processor) {
        try {
            store.redisson().getTopic(StoreKeys.signalChannel(config.store().keyPrefix()), StringCodec.INSTANCE)
                    .publish(SignalMessage.dispatched(processor));
        } catch (RuntimeException e) {
            throw store.unavailable(e);
        }
    }

    private void onMessage(String text) {
        SignalMessage message = SignalMessage.parse(text);
        if (message.isDispatch()) {
            dispatchListeners.forEach(listener -> listener.accept(message.processor()));
            return;
        }
        RunSignal signal = runs.get(message.runId());
        if (signal != null) {
            signal.fire(message.streams());
        }
        message.ended().ifPresent(status -> statusListeners.forEach(listener -> listener.ended(message.runId(), status,
                message.epoch())));
    }

    /** Told that a run ended: its id, its final status, and the epoch that ended. */
    @FunctionalInterface
    public interface RunEndListener {
        void ended(String runId, RunStatus status, long epoch);
    }

    /** Starts watching a run, woken by every signal of it; close the watch when done waiting. */
    public Watch watch(String runId) {
        return watch(runId, null);
    }

    /**
     * Starts watching one stream of a run, woken by the signals that name it and those that concern every
     * stream of the run (its end, a restart); close the watch when done waiting.
     */
    public Watch watch(String runId, String stream) {
        subscribe();
        RunSignal signal = runs.compute(runId, (id, existing) -> {
            RunSignal s = existing == null ? new RunSignal() : existing;
            s.watchers++;
            return s;
        });
        return new Watch(runId, stream, signal);
    }

    private void release(String runId) {
        runs.computeIfPresent(runId, (id, signal) -> --signal.watchers == 0 ? null : signal);
    }

    /** A run's signals, numbered; guarded by its own monitor except {@code watchers}, guarded by the map. */
    private static final class RunSignal {
        private final SignalNumbers numbers = new SignalNumbers();
        private int watchers;

        synchronized void fire(List<String> streams) {
            numbers.count(streams);
            notifyAll();
        }

        /** The number of the last signal a watch of {@code stream} (null: of the whole run) is woken by. */
        synchronized long last(String stream) {
            return numbers.lastConcerning(stream);
        }

        synchronized boolean awaitAfter(String stream, long seen, long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            while (last(stream) == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /**
     * A registration of interest in one run's signals, or in those of one of its streams. Not
     * thread-safe; one per waiting reader.
     */
    public final class Watch implements AutoCloseable {
        private final String runId;
        private final String stream;
        private final RunSignal signal;
        private long seen;

        private Watch(String runId, String stream, RunSignal signal) {
            this.runId = runId;
            this.stream = stream;
            this.signal = signal;
            this.seen = signal.last(stream);
        }

        /**
         * Waits until a signal arrives that came after the watch was taken or after the previous
         * await, or the timeout passes.
         *
         * @return whether a signal arrived
         */
        public boolean await(long nanos) throws InterruptedException {
            boolean fired = signal.awaitAfter(stream, seen, nanos);
            seen = signal.last(stream);
            return fired;
        }

        @Override
        public void close() {
            release(runId);
        }
    }
}
