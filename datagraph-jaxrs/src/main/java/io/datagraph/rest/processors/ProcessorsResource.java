package io.datagraph.rest.processors;

import io.datagraph.Datagraph;
import io.datagraph.flow.ProcessorSignature;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Comparator;

/** {@code /processors}: the processors flows can use, with their streams. */
@Path("processors")
@RequestScoped
public class ProcessorsResource {

    @Inject
    Datagraph datagraph;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        datagraph.processors().stream().sorted(Comparator.comparing(ProcessorSignature::name)).forEach(p -> list.add(
                Json.createObjectBuilder()
                        .add("name", p.name())
                        .add("inputs", Json.createArrayBuilder(p.inputs()))
                        .add("outputs", Json.createArrayBuilder(p.outputs()))
                        .add("wait", p.awaitInputs())));
        return list.build().toString();
    }
}
