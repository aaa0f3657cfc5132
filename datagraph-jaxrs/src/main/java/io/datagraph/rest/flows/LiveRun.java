package io.datagraph.rest.flows;

import io.datagraph.Run;
import io.datagraph.graph.SvgGraph;
import io.datagraph.rest.graph.RunGraph;
import io.datagraph.rest.json.Jsonp;

import java.io.IOException;
import java.net.URI;

/**
 * Pushes a run's state to the live page: every {@value #PERIOD_MILLIS} ms an event {@code state}
 * whose data is the run's JSON state (as {@code GET /flows/{id}}) plus {@code "svg"}, its graph;
 * the last one when the run ends, then the stream closes.
 */
public final class LiveRun implements EventFeed {

    static final long PERIOD_MILLIS = 500;

    private final Run run;
    private final URI view;

    public LiveRun(Run run, URI view) {
        this.run = run;
        this.view = view;
    }

    @Override
    public void writeTo(EventStream events) throws IOException, InterruptedException {
        boolean ended = false;
        while (!ended) {
            ended = run.status().isTerminal();
            String data = Jsonp.objectBuilder(RunJson.state(run, view))
                    .add("svg", SvgGraph.render(RunGraph.of(run))).build().toString();
            events.send("state", null, data);
            events.flush();
            if (!ended) {
                Thread.sleep(PERIOD_MILLIS);
            }
        }
    }
}
