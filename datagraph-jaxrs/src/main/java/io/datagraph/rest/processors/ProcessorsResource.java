package io.datagraph.rest.processors;

import io.datagraph.rest.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "listProcessors", summary = "The processors flows can use: those of every node, with their streams")
    @APIResponse(responseCode = "200", description = "by name", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Processors")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
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
