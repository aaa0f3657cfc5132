package io.datagraph.rest.flows;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URLs of a run and of its outputs, as the answer to a start names them. Built from the API's base
 * URL by hand rather than with a JAX-RS {@code UriBuilder}: RESTEasy's first {@code build()} in a JVM
 * cost WildFly's first start 9.5 ms (timed inside the resource), and a start is the one request the
 * deployment warm-up cannot make, since it would start a run users see. Immutable.
 */
final class RunUris {

    private final String run;

    /** {@code api}: the API's base URL, ending in {@code /} as JAX-RS gives it. */
    RunUris(URI api, String runId) {
        this.run = api.resolve(FlowsResource.PATH + "/" + segment(runId)).toString();
    }

    URI run() {
        return URI.create(run);
    }

    String output(String name) {
        return run + "/outputs/" + segment(name);
    }

    /** A path segment, percent-encoded: every character but letters, digits and {@code -._*}. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
