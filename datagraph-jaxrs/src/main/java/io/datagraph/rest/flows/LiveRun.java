package io.datagraph.rest.flows;

import io.datagraph.DatagraphException;
import io.datagraph.Run;
import io.datagraph.graph.SvgGraph;
import io.datagraph.rest.graph.RunGraph;
import jakarta.json.Json;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes a run's state to the live page: every {@value #PERIOD_MILLIS} ms an event {@code state}
 * whose data is the run's JSON state (as {@code GET /flows/{id}}) plus {@code "svg"}, its graph;
 * the last one when the run ends, then the stream closes.
 */
public final class LiveRun implements Runnable {

    private static final Logger LOG = Logger.getLogger(LiveRun.class.getName());
    static final long PERIOD_MILLIS = 500;

    private final Run run;
    private final URI view;
    private final SseEventSink sink;
    private final Sse sse;

    public LiveRun(Run run, URI view, SseEventSink sink, Sse sse) {
        this.run = run;
        this.view = view;
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void run() {
        try {
            boolean ended = false;
            while (!ended && !sink.isClosed()) {
                ended = run.status().isTerminal();
                String data = Json.createObjectBuilder(RunJson.state(run, view))
                        .add("svg", SvgGraph.render(RunGraph.of(run))).build().toString();
                sink.send(sse.newEventBuilder().name("state").data(data).build()).toCompletableFuture().join();
                if (!ended) {
                    Thread.sleep(PERIOD_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DatagraphException | java.util.concurrent.CompletionException e) {
            LOG.log(Level.FINE, "live view of run " + run.id() + " ended", e);
        } finally {
            sink.close();
        }
    }
}
