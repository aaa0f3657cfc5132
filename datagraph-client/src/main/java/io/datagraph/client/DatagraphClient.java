package io.datagraph.client;

import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.reactivestreams.Publisher;

import java.util.List;

/**
 * The Datagraph REST API as a MicroProfile Rest Client interface. Its base URI is the API's,
 * {@code http://<host>:<port>/datagraph/api}: in a Jakarta EE application set
 * {@code datagraph/mp-rest/url} (config key {@value #CONFIG_KEY}) and inject it with
 * {@code @Inject @RestClient DatagraphClient}; from plain Java use {@link DatagraphClients#create}.
 * Every error answer arrives as a {@link DatagraphApiException} carrying the problem document.
 *
 * <p>Thread-safe as its implementations are (a built client may be shared).
 */
@RegisterRestClient(configKey = DatagraphClient.CONFIG_KEY)
@RegisterProvider(ProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DatagraphClient {

    /** The MicroProfile Config key of the client: {@code datagraph/mp-rest/url} sets its base URI. */
    String CONFIG_KEY = "datagraph";

    /** Starts a run ({@code startRun}). */
    @POST
    @Path("flows")
    Started start(FlowStart request);

    /**
     * Starts a run once per key: repeating the call with the key answers the same run (its id and
     * status; {@link Started#outputs()} is then empty).
     */
    @POST
    @Path("flows")
    Started start(FlowStart request, @HeaderParam("Idempotency-Key") String idempotencyKey);

    /**
     * One page of the retained runs, newest first ({@code listRuns}): read it with
     * {@link RunsPage#of(Response)}, which also takes the next page's cursor from its {@code Link}
     * header. Any filter may be null.
     *
     * @param since  an ISO-8601 instant, or null
     * @param cursor null for the first page, else {@link RunsPage#next()} of the previous one
     */
    @GET
    @Path("flows")
    Response runs(@QueryParam("status") String status, @QueryParam("processor") String processor,
                  @QueryParam("startedBy") String startedBy, @QueryParam("since") String since,
                  @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor);

    /** A run's state ({@code getRun}). */
    @GET
    @Path("flows/{id}")
    RunState state(@PathParam("id") String runId);

    /** Cancels a running run ({@code cancelRun}). */
    @DELETE
    @Path("flows/{id}")
    void cancel(@PathParam("id") String runId);

    /** Waits for a stream to complete and answers its values ({@code readOutput}). */
    @GET
    @Path("flows/{id}/outputs/{io}")
    List<JsonValue> values(@PathParam("id") String runId, @PathParam("io") String stream);

    /**
     * Follows a stream as Server-Sent Events ({@code readOutput} with {@code Accept: text/event-stream}):
     * one event per value (its id the value's position, its data the value's JSON), then an event named
     * {@code complete}, or {@code error} when the run fails.
     *
     * @param lastEventId null, or the id of the last event received: the stream resumes after it
     */
    @GET
    @Path("flows/{id}/outputs/{io}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Publisher<InboundSseEvent> follow(@PathParam("id") String runId, @PathParam("io") String stream,
                                      @HeaderParam("Last-Event-ID") String lastEventId);

    /** Appends values to an open input, all or none ({@code appendInput}). */
    @POST
    @Path("flows/{id}/inputs/{io}")
    void append(@PathParam("id") String runId, @PathParam("io") String input, List<?> values);

    /** Appends values to an open input once per key ({@code appendInput} with {@code Idempotency-Key}). */
    @POST
    @Path("flows/{id}/inputs/{io}")
    void append(@PathParam("id") String runId, @PathParam("io") String input, List<?> values,
                @HeaderParam("Idempotency-Key") String idempotencyKey);

    /** Completes an open input ({@code completeInput}). */
    @POST
    @Path("flows/{id}/inputs/{io}/complete")
    void complete(@PathParam("id") String runId, @PathParam("io") String input);

    /** Runs a FAILED run again where it failed ({@code restartRun}). */
    @POST
    @Path("flows/{id}/restart")
    RunState restart(@PathParam("id") String runId);

    /** The values the run's element-wise processors gave up on ({@code deadLetters}). */
    @GET
    @Path("flows/{id}/dead-letters")
    List<DeadLetter> deadLetters(@PathParam("id") String runId);

    /** The run's graph as Mermaid text ({@code runGraph}). */
    @GET
    @Path("flows/{id}/graph")
    @Produces("text/vnd.mermaid")
    String graph(@PathParam("id") String runId);

    /** The processors flows can use ({@code listProcessors}). */
    @GET
    @Path("processors")
    List<Processor> processors();
}
