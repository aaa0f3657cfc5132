package io.datagraph.client;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page of the run history and the cursor of the next page (null on the last). The client answers the
 * page as a {@link Response} (not every MicroProfile Rest Client implementation runs an interface's
 * default methods), which {@link #of} reads.
 */
public record RunsPage(List<ListedRun> runs, String next) {

    public RunsPage {
        runs = List.copyOf(runs);
    }

    /** Reads (and closes) the answer of {@link DatagraphClient#runs}. */
    public static RunsPage of(Response answer) {
        try (answer) {
            List<ListedRun> runs = answer.readEntity(new GenericType<List<ListedRun>>() { });
            Link next = answer.getLink("next");
            return new RunsPage(runs, next == null ? null : cursorOf(next.getUri()));
        }
    }

    /** The {@code cursor} query parameter of a next-page link. */
    static String cursorOf(URI link) {
        String query = link.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("cursor=")) {
                    return URLDecoder.decode(parameter.substring("cursor=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("the next-page link " + link + " carries no cursor");
    }
}
