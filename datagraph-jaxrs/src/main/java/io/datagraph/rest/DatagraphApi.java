package io.datagraph.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, under {@code /datagraph/api}. Resources and mappers are discovered by annotation. */
@ApplicationPath("api")
public class DatagraphApi extends Application {

    /**
     * Jersey (Payara) holds back the first 8 KB of a response to compute its length and ignores
     * flushes until then, which would keep an event stream's headers and first events from the client
     * until that much accumulated; 0 turns that off (the servlet container still sets the length of a
     * response that fits its own buffer). Other implementations ignore the property.
     */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.contentLength.buffer", 0);
    }
}
