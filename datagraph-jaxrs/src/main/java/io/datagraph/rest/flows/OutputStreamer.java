package io.datagraph.rest.flows;

import io.datagraph.DatagraphException;
import io.datagraph.FlowFailedException;
import io.datagraph.StreamValue;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Iterator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one output of a run to one Server-Sent-Events client: an event per value ({@code id:} its
 * position, {@code data:} its JSON), then {@code event: complete}, or {@code event: error} with the
 * failure. Each client has its own cursor on the store, so a slow client slows nobody else: the run
 * never waits for readers. At most {@value #IN_FLIGHT} events are queued per client before the
 * sender waits for the connection, which bounds memory per client; a client that leaves them unread
 * for {@code datagraph.rest.sse-send-timeout} is dropped, freeing its sender thread.
 */
final class OutputStreamer implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutputStreamer.class.getName());
    private static final int IN_FLIGHT = 256;

    private final Iterator<StreamValue<JsonValue>> values;
    private final String what;
    private final SseEventSink sink;
    private final Sse sse;

    private final java.time.Duration sendTimeout;

    /** @param values the cursor to send, already positioned (e.g. after the client's Last-Event-ID) */
    OutputStreamer(Iterator<StreamValue<JsonValue>> values, String what, SseEventSink sink, Sse sse,
                   java.time.Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
        this.values = values;
        this.what = what;
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void run() {
        // not try-with-resources: the sink must stay open for the error event sent in a catch block
        try {
            int unconfirmed = 0;
            CompletionStage<?> last = null;
            while (!sink.isClosed() && values.hasNext()) {
                StreamValue<JsonValue> value = values.next();
                last = sink.send(sse.newEventBuilder().id(value.position()).data(value.value().toString()).build());
                if (++unconfirmed == IN_FLIGHT) {
                    last.toCompletableFuture().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    unconfirmed = 0;
                }
            }
            send(sse.newEventBuilder().name("complete").data("").build());
        } catch (FlowFailedException e) {
            send(error(RunJson.failure(e.failure()).toString()));
        } catch (DatagraphException | IllegalArgumentException e) {
            send(error(Json.createObjectBuilder().add("message", e.getMessage()).build().toString()));
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "client of " + what + " went away", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the server's write failed: the client went away, or was given up (SsePumps)
            LOG.log(Level.FINE, "could not send " + what, e);
        } finally {
            sink.close();
        }
    }

    private OutboundSseEvent error(String data) {
        return sse.newEventBuilder().name("error").data(data).build();
    }

    private void send(OutboundSseEvent event) {
        if (!sink.isClosed()) {
            sink.send(event);
        }
    }
}
