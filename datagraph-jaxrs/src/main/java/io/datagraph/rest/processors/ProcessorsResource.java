package io.datagraph.rest.processors;

import io.datagraph.Datagraph;
import io.datagraph.flow.ProcessorSignature;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.datagraph.rest.json.Jsonp;
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
        JsonArrayBuilder list = Jsonp.arrayBuilder();
        datagraph.processors().stream().sorted(Comparator.comparing(ProcessorSignature::name)).forEach(p -> list.add(
                Jsonp.objectBuilder()
                        .add("name", p.name())
                        .add("inputs", Jsonp.arrayBuilder(p.inputs()))
                        .add("outputs", Jsonp.arrayBuilder(p.outputs()))
                        .add("wait", p.awaitInputs())));
        return list.build().toString();
    }
}
