package io.datagraph.rest.flows;

import io.datagraph.Datagraph;
import io.datagraph.IO;
import io.datagraph.Run;
import io.datagraph.RunPage;
import io.datagraph.RunQuery;
import io.datagraph.rest.request.HistoryQuery;
import io.datagraph.RunRequest;
import io.datagraph.rest.request.MalformedRequestException;
import io.datagraph.rest.request.JsonBodies;
import io.datagraph.rest.request.StartBody;
import io.datagraph.rest.graph.RunGraph;
import io.datagraph.rest.security.RunAccess;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** {@code /flows}: start runs, watch them, read their outputs, feed their open inputs, cancel them. */
@Path("flows")
@RequestScoped
public class FlowsResource {

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
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@HeaderParam(IDEMPOTENCY_KEY) String key, InputStream body) {
        RunRequest request = access.startedByCaller(StartBody.toRequest(bodies.read(body), datagraph));
        if (key != null) {
            request = request.idempotencyKey(checked(key));
        }
        Datagraph.Submission submission = datagraph.submit(request);
        Run run = submission.run();
        UriBuilder runUri = uriInfo.getBaseUriBuilder().path(FlowsResource.class).path(run.id());
        if (!submission.created()) {
            return Response.ok(RunJson.state(run, RunJson.view(uriInfo, run.id())).toString())
                    .location(runUri.build()).build();
        }
        return Response.created(runUri.build())
                .entity(RunJson.started(run, runUri, RunJson.view(uriInfo, run.id())).toString()).build();
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
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@QueryParam("status") String status, @QueryParam("processor") String processor,
                            @QueryParam("startedBy") String startedBy, @QueryParam("since") String since,
                            @QueryParam("limit") @DefaultValue("20") String limit, @QueryParam("cursor") String cursor) {
        RunQuery query = HistoryQuery.parse(status, processor, startedBy, since, limit, cursor);
        Optional<String> caller = access.onlyRunsOf();
        if (caller.isPresent()) {
            if (query.startedBy().filter(user -> !user.equals(caller.get())).isPresent()) {
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

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String state(@PathParam("id") String id) {
        return RunJson.state(access.run(id), RunJson.view(uriInfo, id)).toString();
    }

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
    public void follow(@PathParam("id") String id, @PathParam("io") String io,
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @Suspended AsyncResponse response) {
        // resolve run, stream and position before streaming, so bad ones answer 404/400 rather than an event
        IO<JsonValue> output = access.run(id).io(io, JsonValue.class);
        pumps.start(response, new OutputStreamer(output.after(lastEventId)));
    }

    /** Waits for the stream to complete and answers all its values as one JSON array. */
    @GET
    @Path("{id}/outputs/{io}")
    @Produces(MediaType.APPLICATION_JSON)
    public String values(@PathParam("id") String id, @PathParam("io") String io) {
        JsonArrayBuilder values = Jsonp.arrayBuilder();
        access.run(id).<JsonValue>io(io, JsonValue.class).forEach(values::add);
        return values.build().toString();
    }

    /** Runs a FAILED run again from where it failed; answers its state. */
    @POST
    @Path("{id}/restart")
    @Produces(MediaType.APPLICATION_JSON)
    public String restart(@PathParam("id") String id) {
        Run run = access.run(id);
        run.restart();
        return RunJson.state(run, RunJson.view(uriInfo, id)).toString();
    }

    /** The values the run's element-wise processors gave up on, oldest first. */
    @GET
    @Path("{id}/dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    public String deadLetters(@PathParam("id") String id) {
        JsonArrayBuilder letters = Jsonp.arrayBuilder();
        access.run(id).deadLetters().forEach(letter -> letters.add(RunJson.deadLetter(letter)));
        return letters.build().toString();
    }

    /** The run's dead letters as Server-Sent Events, as they appear, until the run ends. */
    @GET
    @Path("{id}/dead-letters")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void followDeadLetters(@PathParam("id") String id, @Suspended AsyncResponse response) {
        pumps.start(response, new DeadLetterFeed(access.run(id)));
    }

    /** The run's graph, by {@code Accept}. */
    @Path("{id}/graph")
    public RunGraph graph(@PathParam("id") String id) {
        return new RunGraph(access.run(id));
    }

    /** The live view: the run's state and graph as Server-Sent Events, twice a second, until it ends. */
    @GET
    @Path("{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@PathParam("id") String id, @Suspended AsyncResponse response) {
        pumps.start(response, new LiveRun(access.run(id), RunJson.view(uriInfo, id)));
    }

    @POST
    @Path("{id}/inputs/{io}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response append(@PathParam("id") String id, @PathParam("io") String io,
                           @HeaderParam(IDEMPOTENCY_KEY) String key, InputStream body) {
        Run run = access.run(id);
        List<JsonValue> values = StartBody.values(io, bodies.readArray(body, "the values to append"));
        if (key == null) {
            run.append(io, values);
        } else {
            run.append(io, values, checked(key));
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/inputs/{io}/complete")
    public Response complete(@PathParam("id") String id, @PathParam("io") String io) {
        access.run(id).complete(io);
        return Response.noContent().build();
    }

}
