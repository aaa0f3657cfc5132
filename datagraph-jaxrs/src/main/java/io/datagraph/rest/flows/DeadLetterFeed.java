package io.datagraph.rest.flows;

import io.datagraph.DatagraphException;
import io.datagraph.DeadLetter;
import io.datagraph.Run;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a run's dead letters as Server-Sent Events as they appear — one event each, {@code id:} its
 * index among them — and {@code event: complete} once the run has ended and every one was sent.
 * Looks again every half second, or at once when the run ends. Runs on its own sender thread.
 */
final class DeadLetterFeed implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeadLetterFeed.class.getName());

    private final Run run;
    private final SseEventSink sink;
    private final Sse sse;

    DeadLetterFeed(Run run, SseEventSink sink, Sse sse) {
        this.run = run;
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void run() {
        try {
            int sent = 0;
            while (!sink.isClosed()) {
                boolean ended = run.status().isTerminal();
                List<DeadLetter> letters = run.deadLetters();
                for (; sent < letters.size(); sent++) {
                    sink.send(sse.newEventBuilder().id(String.valueOf(sent))
                            .data(RunJson.deadLetter(letters.get(sent)).toString()).build()).toCompletableFuture().join();
                }
                if (ended) {
                    sink.send(sse.newEventBuilder().name("complete").data("").build()).toCompletableFuture().join();
                    return;
                }
                run.await(Duration.ofMillis(LiveRun.PERIOD_MILLIS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DatagraphException | java.util.concurrent.CompletionException e) {
            LOG.log(Level.FINE, "dead letters of run " + run.id() + " ended", e);
        } finally {
            sink.close();
        }
    }
}
