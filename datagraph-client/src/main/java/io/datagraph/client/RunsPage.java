package io.datagraph.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A page of the run history and the cursor of the next page (null on the last). */
public record RunsPage(List<ListedRun> runs, String next) {

    public RunsPage {
        runs = List.copyOf(runs);
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
