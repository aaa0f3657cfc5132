package io.datagraph.rest.flows;

import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.ReaderState;
import io.datagraph.RunFailure;
import io.datagraph.RunStatus;
import io.datagraph.rest.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The JSON documents that describe a run. */
public final class RunJson {

    private RunJson() {
    }

    /**
     * The answer to a start: id, status {@code RUNNING} (what the start made it: a small run may have
     * ended by the time the answer arrives, and {@code GET /flows/{id}} tells; reading it here would
     * cost every start a store round trip), the URL of each selected output, and of the live page.
     */
    static JsonObject started(Run run, RunUris uris, URI view) {
        JsonObjectBuilder outputs = Jsonp.objectBuilder();
        for (String name : run.outputNames()) {
            outputs.add(name, uris.output(name));
        }
        return Jsonp.objectBuilder()
                .add("id", run.id())
                .add("status", RunStatus.RUNNING.name())
                .add("outputs", outputs)
                .add("view", view.toString())
                .build();
    }

    /**
     * {@code GET /flows/{id}}: status, processors and their phases, every stream's count, completion
     * and write rate with, per reading processor, how far it has read, its rate and its backlog; the
     * failure; the live page.
     */
    private static jakarta.json.JsonObjectBuilder byProcessor(java.util.Map<String, Long> counts) {
        jakarta.json.JsonObjectBuilder json = Jsonp.objectBuilder();
        counts.forEach(json::add);
        return json;
    }

    /** A dead letter: its value as the JSON it is, the time as an ISO-8601 UTC instant. */
    static JsonObject deadLetter(io.datagraph.DeadLetter letter) {
        return Jsonp.objectBuilder()
                .add("processor", letter.processor())
                .add("value", Jsonp.reader(new java.io.StringReader(letter.value())).readValue())
                .add("error", letter.error())
                .add("attempts", letter.attempts())
                .add("node", letter.node())
                .add("time", letter.time().toString())
                .build();
    }

    public static JsonObject state(Run run, URI view) {
        // one read of the run's counts serves both figures (the live page asks twice a second)
        java.util.Map<String, Long> deadLetters = run.deadLetterCounts();
        JsonArrayBuilder processors = Jsonp.arrayBuilder();
        run.processors().forEach(processors::add);
        JsonObjectBuilder phases = Jsonp.objectBuilder();
        run.phases().forEach((processor, phase) -> phases.add(processor, phase.name()));
        JsonArrayBuilder ios = Jsonp.arrayBuilder();
        for (IOState io : run.ioStates()) {
            JsonArrayBuilder readers = Jsonp.arrayBuilder();
            for (ReaderState reader : io.readers()) {
                readers.add(Jsonp.objectBuilder().add("processor", reader.processor()).add("read", reader.read())
                        .add("rate", round(reader.rate())).add("backlog", Math.max(0, io.count() - reader.read())));
            }
            ios.add(Jsonp.objectBuilder().add("name", io.name()).add("count", io.count())
                    .add("complete", io.complete()).add("rate", round(io.rate())).add("readers", readers));
        }
        JsonObjectBuilder json = Jsonp.objectBuilder()
                .add("id", run.id())
                .add("status", run.status().name())
                .add("processors", processors)
                .add("phases", phases)
                .add("ios", ios)
                .add("deadLetters", deadLetters.values().stream().mapToLong(Long::longValue).sum())
                .add("deadLettersByProcessor", byProcessor(deadLetters))
                .add("view", view.toString());
        run.failure().ifPresent(failure -> json.add("error", failure(failure)));
        run.startedBy().ifPresent(user -> json.add("startedBy", user));
        run.duration().ifPresent(duration -> json.add("durationMs", duration.toMillis()));
        return json.build();
    }

    /** The live page of a run: the WAR's page with {@code ?run=<id>}. */
    public static URI view(UriInfo uris, String runId) {
        // the API lives at <context>/api/, the page at <context>/
        return uris.getBaseUri().resolve("..").resolve("?run=" + runId);
    }

    private static double round(double rate) {
        return Math.round(rate * 10) / 10.0;
    }

    static JsonObject failure(RunFailure failure) {
        return Jsonp.objectBuilder().add("processor", failure.processor()).add("message", failure.message()).build();
    }
}
