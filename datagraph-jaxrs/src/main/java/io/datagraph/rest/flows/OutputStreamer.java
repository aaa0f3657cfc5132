package io.datagraph.rest.flows;

import io.datagraph.DatagraphException;
import io.datagraph.FlowFailedException;
import io.datagraph.StreamValue;
import io.datagraph.ValueCursor;
import io.datagraph.engine.io.JsonText;
import io.datagraph.rest.json.Jsonp;

import java.io.IOException;

/**
 * Sends one output of a run to one Server-Sent-Events client: an event per value ({@code id:} its
 * position, {@code data:} its JSON as stored), then {@code event: complete}, or {@code event: error} with the
 * failure. Each client has its own cursor on the store, so a slow client slows nobody else: the run
 * never waits for readers. Events go out in large writes while values are at hand, and at once when
 * the cursor would wait for the producer.
 */
final class OutputStreamer implements EventFeed {

    private final ValueCursor<JsonText> values;

    /** @param values the cursor to send, already positioned (e.g. after the client's Last-Event-ID) */
    OutputStreamer(ValueCursor<JsonText> values) {
        this.values = values;
    }

    @Override
    public void writeTo(EventStream events) throws IOException {
        try {
            while (values.hasNext()) {
                StreamValue<JsonText> value = values.next();
                events.send(null, value.position(), value.value().json());
                if (!values.ready()) {
                    events.flush();
                }
            }
            events.send("complete", null, "");
        } catch (FlowFailedException e) {
            events.send("error", null, RunJson.failure(e.failure()).toString());
        } catch (DatagraphException | IllegalArgumentException e) {
            events.send("error", null, Jsonp.objectBuilder().add("message", e.getMessage()).build().toString());
        }
        events.flush();
    }
}
