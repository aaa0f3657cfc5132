package io.datagraph.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps the status of JAX-RS's own errors (unknown path 404, wrong method 405, unreadable body 400,
 * unacceptable media type 406/415) but answers with a problem document, like every other error.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response response = e.getResponse();
        if (Problem.MEDIA_TYPE.equals(String.valueOf(response.getMediaType()))) {
            return response;
        }
        Response.StatusType status = response.getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
    }
}
