package io.datagraph.it.caller;

import io.datagraph.client.DatagraphApiException;
import io.datagraph.client.DatagraphClient;
import io.datagraph.client.FlowStart;
import io.datagraph.client.Started;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Uses the injected client: starts multiply and answers its output; answers the problem of an unknown run. */
@Path("calls")
@RequestScoped
public class CallerResource {

    @Inject
    @RestClient
    DatagraphClient datagraph;

    @GET
    @Path("multiply")
    @Produces(MediaType.TEXT_PLAIN)
    public String multiply(@QueryParam("n") int n) {
        Started run = datagraph.start(FlowStart.of("multiply").input("foo", n));
        return datagraph.values(run.id(), "bar").toString();
    }

    @GET
    @Path("unknown")
    @Produces(MediaType.TEXT_PLAIN)
    public String unknown() {
        try {
            datagraph.state("no-such-run");
            return "no exception";
        } catch (DatagraphApiException e) {
            return e.status() + " " + e.problem().detail();
        }
    }
}
