package io.datagraph.rest.flows;

import io.datagraph.IOState;
import io.datagraph.Run;
import io.datagraph.RunFailure;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriBuilder;

/** The JSON documents that describe a run. */
final class RunJson {

    private RunJson() {
    }

    /** The answer to a start: id, status, and the URL of each selected output. */
    static JsonObject started(Run run, UriBuilder runUri) {
        JsonObjectBuilder outputs = Json.createObjectBuilder();
        for (String name : run.outputNames()) {
            outputs.add(name, runUri.clone().path("outputs").path(name).build().toString());
        }
        return Json.createObjectBuilder()
                .add("id", run.id())
                .add("status", run.status().name())
                .add("outputs", outputs)
                .build();
    }

    /** {@code GET /flows/{id}}: status, processors, every stream's count and completion, the failure. */
    static JsonObject state(Run run) {
        JsonArrayBuilder processors = Json.createArrayBuilder();
        run.processors().forEach(processors::add);
        JsonArrayBuilder ios = Json.createArrayBuilder();
        for (IOState io : run.ioStates()) {
            ios.add(Json.createObjectBuilder().add("name", io.name()).add("count", io.count()).add("complete", io.complete()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", run.id())
                .add("status", run.status().name())
                .add("processors", processors)
                .add("ios", ios);
        run.failure().ifPresent(failure -> json.add("error", failure(failure)));
        return json.build();
    }

    static JsonObject failure(RunFailure failure) {
        return Json.createObjectBuilder().add("processor", failure.processor()).add("message", failure.message()).build();
    }
}
