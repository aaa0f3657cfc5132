package io.datagraph.rest.graph;

import io.datagraph.rest.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.datagraph.Run;
import io.datagraph.graph.DotGraph;
import io.datagraph.graph.FlowGraph;
import io.datagraph.graph.MermaidGraph;
import io.datagraph.graph.SvgGraph;
import io.datagraph.graph.TextGraph;
import io.datagraph.rest.security.RunAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /flows/{id}/graph}: a run's graph with its live counts, rates, backlogs and phases, as
 * Mermaid, SVG, Graphviz DOT or a text tree, by {@code Accept}. A root resource rather than a
 * sub-resource of the run, so that every server's OpenAPI scanner sees its operation.
 */
@Path("flows/{id}/graph")
@RequestScoped
public class RunGraph {

    @Inject
    RunAccess access;

    public static FlowGraph of(Run run) {
        return FlowGraph.of(run.flow(), run.ioStates(), run.phases());
    }

    @GET
    @Produces(SvgGraph.MEDIA_TYPE)
    @Operation(operationId = "runGraph") // the same operation as mermaid(): one operation, several media types
    public String svg(@PathParam("id") String id) {
        Run run = access.run(id);
        return SvgGraph.render(of(run));
    }

    @GET
    @Produces(DotGraph.MEDIA_TYPE)
    @Operation(operationId = "runGraph") // the same operation as mermaid(): one operation, several media types
    public String dot(@PathParam("id") String id) {
        Run run = access.run(id);
        return DotGraph.render(of(run));
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "runGraph") // the same operation as mermaid(): one operation, several media types
    public String text(@PathParam("id") String id) {
        Run run = access.run(id);
        return TextGraph.render(of(run));
    }

    // documented on the last method of the group: Payara 6 keeps the responses of the last one it reads
    @GET
    @Produces(MermaidGraph.MEDIA_TYPE)
    @Operation(operationId = "runGraph", summary = "The run's graph with live counts, rates, backlogs and phases, by Accept")
    @APIResponse(responseCode = "200", description = "Mermaid, SVG, Graphviz DOT or a text tree", content = {
            @Content(mediaType = MermaidGraph.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SvgGraph.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DotGraph.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "406", description = "Accept names none of the four formats", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public String mermaid(@PathParam("id") String id) {
        Run run = access.run(id);
        return MermaidGraph.render(of(run));
    }
}
