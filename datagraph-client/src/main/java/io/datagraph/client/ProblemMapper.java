package io.datagraph.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.StringReader;

/**
 * Turns every error answer into a {@link DatagraphApiException}: the API's problem document, or, for an
 * answer that carries none (a proxy's, say), one made of the status and the body.
 */
public class ProblemMapper implements ResponseExceptionMapper<DatagraphApiException> {

    @Override
    public DatagraphApiException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject problem = reader.readObject();
            return new DatagraphApiException(new Problem(problem.getString("type", "about:blank"),
                    problem.getString("title", response.getStatusInfo().getReasonPhrase()),
                    problem.getInt("status", response.getStatus()), problem.getString("detail", null)));
        } catch (JsonException | ClassCastException notAProblem) {
            return new DatagraphApiException(new Problem("about:blank", response.getStatusInfo().getReasonPhrase(),
                    response.getStatus(), body.isEmpty() ? null : body));
        }
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
