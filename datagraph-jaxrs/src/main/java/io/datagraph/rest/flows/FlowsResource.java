package io.datagraph.rest.flows;

import io.datagraph.Datagraph;
import io.datagraph.IO;
import io.datagraph.Run;
import io.datagraph.RunPage;
import io.datagraph.RunQuery;
import io.datagraph.engine.io.JsonText;
import io.datagraph.rest.request.HistoryQuery;
import io.datagraph.RunRequest;
import io.datagraph.rest.request.MalformedRequestException;
import io.datagraph.rest.request.JsonBodies;
import io.datagraph.rest.request.StartBody;
import io.datagraph.rest.security.RunAccess;
import io.datagraph.rest.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.datagraph.rest.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** {@code /flows}: start runs, watch them, read their outputs, feed their open inputs, cancel them. */
@Path(FlowsResource.PATH)
@RequestScoped
public class FlowsResource {

    /** Where this resource lives under the API's base URL. */
    static final String PATH = "flows";

    @Inject
    Datagraph datagraph;

    @Inject
    JsonBodies bodies;

    @Inject
    SsePumps pumps;

    @Inject
    RunAccess access;

    @Context
    UriInfo uriInfo;

    /** The header that makes a start or an append idempotent. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * Starts a run: {@code 201} with its {@code Location}. With an {@value #IDEMPOTENCY_KEY} bound to a run
     * already (a retry), {@code 200} with that run's state and the same {@code Location}.
     */
    @Operation(operationId = "startRun", summary = "Resolve and start a run")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StartRequest")))
    @APIResponse(responseCode = "201", description = "started", headers = @Header(name = "Location", description = "the run",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Started")))
    @APIResponse(responseCode = "200", description = "the Idempotency-Key was bound to this run already: its state",
            headers = @Header(name = "Location", description = "the run", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RunState")))
    @APIResponse(responseCode = "400", description = "the body or the Idempotency-Key is malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "the body, or an input, is over a limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "the flow does not resolve, has too many processors, or the Idempotency-Key is bound to another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "datagraph.limits.concurrent-runs runs are running; retry after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@Parameter(name = IDEMPOTENCY_KEY, description = "1 to 255 printable ASCII characters: repeating the call with it does the work once") @HeaderParam(IDEMPOTENCY_KEY) String key, InputStream body) {
        RunRequest request = access.startedByCaller(StartBody.toRequest(bodies.read(body), datagraph));
        if (key != null) {
            request = request.idempotencyKey(checked(key));
        }
        Datagraph.Submission submission = datagraph.submit(request);
        Run run = submission.run();
        RunUris uris = new RunUris(uriInfo.getBaseUri(), run.id());
        if (!submission.created()) {
            return Response.ok(RunJson.state(run, RunJson.view(uriInfo, run.id())).toString())
                    .location(uris.run()).build();
        }
        return Response.created(uris.run())
                .entity(RunJson.started(run, uris, RunJson.view(uriInfo, run.id())).toString()).build();
    }

    private static String checked(String key) {
        try {
            return RunRequest.checkIdempotencyKey(key);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("header " + IDEMPOTENCY_KEY + ": " + e.getMessage());
        }
    }

    /**
     * The retained runs, newest first, filtered, a page at a time: a JSON array, and the next page in a
     * {@code Link: <…>; rel="next"} header. With access control on, a caller who may not see every run
     * sees the runs they started.
     */
    @Operation(operationId = "listRuns", summary = "The retained runs, newest first, filtered, a page at a time")
    @APIResponse(responseCode = "200", description = "a page; the next one is in the Link header (rel=next), absent on the last",
            headers = @Header(name = "Link", description = "<url>; rel=\"next\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ListedRuns")))
    @APIResponse(responseCode = "400", description = "a parameter is malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(
            @Parameter(description = "RUNNING, COMPLETED, FAILED or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "only runs with this processor") @QueryParam("processor") String processor,
            @Parameter(description = "only runs this user started") @QueryParam("startedBy") String startedBy,
            @Parameter(description = "only runs started at or after this ISO-8601 instant") @QueryParam("since") String since,
            @Parameter(description = "runs per page, 1 to 100") @QueryParam("limit") @DefaultValue("20") String limit,
            @Parameter(description = "the page after the one whose Link header gave it") @QueryParam("cursor") String cursor) {
        RunQuery query = HistoryQuery.parse(status, processor, startedBy, since, limit, cursor);
        Optional<String> caller = access.onlyRunsOf();
        if (caller.isPresent()) {
            // an anonymous caller started no run; an empty startedBy would mean no filter at all
            if (caller.get().isEmpty() || query.startedBy().filter(user -> !user.equals(caller.get())).isPresent()) {
                return Response.ok("[]").build();
            }
            query = query.startedBy(caller.get());
        }
        RunPage page = datagraph.history(query);
        JsonArrayBuilder runs = Jsonp.arrayBuilder();
        for (RunPage.Listed run : page.runs()) {
            JsonArrayBuilder processors = Jsonp.arrayBuilder();
            run.processors().forEach(processors::add);
            JsonObjectBuilder json = Jsonp.objectBuilder().add("id", run.id()).add("status", run.status().name())
                    .add("processors", processors).add("started", run.started().toString());
            run.startedBy().ifPresent(user -> json.add("startedBy", user));
            runs.add(json.add("view", RunJson.view(uriInfo, run.id()).toString()));
        }
        Response.ResponseBuilder answer = Response.ok(runs.build().toString());
        page.next().ifPresent(next -> answer.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", next).build(),
                "next"));
        return answer.build();
    }

    @Operation(operationId = "getRun", summary = "A run's state: status, phases, streams with counts, rates and backlogs")
    @APIResponse(responseCode = "200", description = "its state", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RunState")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String state(@PathParam("id") String id) {
        return RunJson.state(access.run(id), RunJson.view(uriInfo, id)).toString();
    }

    @Operation(operationId = "cancelRun", summary = "Cancel a running run: its processors stop, its streams are deleted")
    @APIResponse(responseCode = "204", description = "cancelled (or it had ended already)")
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id) {
        access.run(id).cancel();
        return Response.noContent().build();
    }

    /** Server-Sent Events: one per value, resumable with {@code Last-Event-ID}. */
    @GET
    @Path("{id}/outputs/{io}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "readOutput") // the same operation as values(): one operation, several media types
    public void follow(@PathParam("id") String id, @PathParam("io") String io,
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @Suspended AsyncResponse response) {
        // resolve run, stream and position before streaming, so bad ones answer 404/400 rather than an event
        IO<JsonText> output = access.run(id).io(io, JsonText.class);
        pumps.start(response, new OutputStreamer(output.after(lastEventId)));
    }

    /** Waits for the stream to complete and answers all its values as one JSON array. */
    @Operation(operationId = "readOutput", summary = "A stream's values: all at once when it completed (JSON), or as they come (SSE)",
            description = "With Accept: text/event-stream, one event per value: `id:` its position (send it back as Last-Event-ID to"
                    + " resume after it), `data:` its JSON; then `event: complete`, or `event: error` with data {processor, message}"
                    + " when the run fails. With Accept: application/json, waits for the stream to complete.")
    @APIResponse(responseCode = "200", description = "its values", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Values")),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Last-Event-ID is not a position of this stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "the run failed or was cancelled before the stream completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @GET
    @Path("{id}/outputs/{io}")
    @Produces(MediaType.APPLICATION_JSON)
    @Parameter(name = HttpHeaders.LAST_EVENT_ID_HEADER, in = ParameterIn.HEADER, description = "SSE only: resume after this value's position",
            schema = @Schema(type = SchemaType.STRING))
    public String values(@PathParam("id") String id, @PathParam("io") String io) {
        // the values as they are stored, one line of JSON each: nothing to parse and print again
        StringBuilder array = new StringBuilder().append('[');
        for (JsonText value : access.run(id).<JsonText>io(io, JsonText.class)) {
            array.append(array.length() > 1 ? "," : "").append(value.json());
        }
        return array.append(']').toString();
    }

    /** Runs a FAILED run again from where it failed; answers its state. */
    @Operation(operationId = "restartRun", summary = "Run a FAILED run again from where it failed")
    @APIResponse(responseCode = "200", description = "restarted: its state", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RunState")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "it is not FAILED, or would re-read a trimmed input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "datagraph.limits.concurrent-runs runs are running; retry after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("{id}/restart")
    @Produces(MediaType.APPLICATION_JSON)
    public String restart(@PathParam("id") String id) {
        Run run = access.run(id);
        run.restart();
        return RunJson.state(run, RunJson.view(uriInfo, id)).toString();
    }

    /** The run's dead letters as Server-Sent Events, as they appear, until the run ends. */
    @GET
    @Path("{id}/dead-letters")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "deadLetters") // the same operation as deadLetters(): one operation, several media types
    public void followDeadLetters(@PathParam("id") String id, @Suspended AsyncResponse response) {
        pumps.start(response, new DeadLetterFeed(access.run(id)));
    }

    // documented on the last method of the group: Payara 6 keeps the responses of the last one it reads
    /** The values the run's element-wise processors gave up on, oldest first. */
    @Operation(operationId = "deadLetters", summary = "The values its element-wise processors gave up on, oldest first",
            description = "With Accept: text/event-stream, one event per dead letter (data: the DeadLetter JSON) as they"
                    + " appear, then `event: complete` once the run ended.")
    @APIResponse(responseCode = "200", description = "its dead letters", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeadLetters")),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @GET
    @Path("{id}/dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    public String deadLetters(@PathParam("id") String id) {
        JsonArrayBuilder letters = Jsonp.arrayBuilder();
        access.run(id).deadLetters().forEach(letter -> letters.add(RunJson.deadLetter(letter)));
        return letters.build().toString();
    }

    /** The live view: the run's state and graph as Server-Sent Events, twice a second, until it ends. */
    @Operation(operationId = "liveRun", summary = "The run's state and graph as Server-Sent Events, twice a second, until it ends",
            description = "Events named `state`: the RunState document plus `svg`, the graph as SVG.")
    @APIResponse(responseCode = "200", description = "the event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @GET
    @Path("{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@PathParam("id") String id, @Suspended AsyncResponse response) {
        pumps.start(response, new LiveRun(access.run(id), RunJson.view(uriInfo, id)));
    }

    @Operation(operationId = "appendInput", summary = "Append values to an open input, all or none; once per Idempotency-Key")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Values")))
    @APIResponse(responseCode = "204", description = "appended (or appended already under this Idempotency-Key)")
    @APIResponse(responseCode = "400", description = "the body is not a JSON array of values, or the Idempotency-Key is malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "the stream takes no values: completed, or not an open input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "the values are over a limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("{id}/inputs/{io}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response append(@PathParam("id") String id, @PathParam("io") String io,
                           @Parameter(name = IDEMPOTENCY_KEY, description = "1 to 255 printable ASCII characters: repeating the call with it does the work once") @HeaderParam(IDEMPOTENCY_KEY) String key, InputStream body) {
        Run run = access.run(id);
        List<JsonValue> values = StartBody.values(io, bodies.readArray(body, "the values to append"));
        if (key == null) {
            run.append(io, values);
        } else {
            run.append(io, values, checked(key));
        }
        return Response.noContent().build();
    }

    @Operation(operationId = "completeInput", summary = "Complete an open input: its readers see its end")
    @APIResponse(responseCode = "204", description = "completed (idempotent)")
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "the caller may not use this run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "no such run (or it expired) or stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "the stream is not an open input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("{id}/inputs/{io}/complete")
    public Response complete(@PathParam("id") String id, @PathParam("io") String io) {
        access.run(id).complete(io);
        return Response.noContent().build();
    }

}
