package io.datagraph.rest.problem;

import io.datagraph.rest.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document: the body of every error answer of the API. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** A response with the status, its reason phrase as title, and a detail a user can act on. */
    public static Response response(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Response response(int status, String title, String detail) {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(json(status, title, detail)).build();
    }

    /** The document itself, for answers written outside JAX-RS (the metrics page). */
    public static String json(int status, String title, String detail) {
        JsonObjectBuilder body = Jsonp.objectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return body.build().toString();
    }
}
