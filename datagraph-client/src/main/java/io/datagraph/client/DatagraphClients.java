package io.datagraph.client;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;

/**
 * The client from plain Java: needs a MicroProfile Rest Client implementation on the class path (e.g.
 * {@code org.jboss.resteasy.microprofile:microprofile-rest-client} with a JSON-B provider).
 */
public final class DatagraphClients {

    private DatagraphClients() {
    }

    /** A client of the API at {@code api}, e.g. {@code http://localhost:8080/datagraph/api}. */
    public static DatagraphClient create(URI api) {
        return RestClientBuilder.newBuilder().baseUri(api).build(DatagraphClient.class);
    }
}
