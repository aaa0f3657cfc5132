package io.datagraph.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, under {@code /datagraph/api}. Resources and mappers are discovered by annotation. */
@ApplicationPath("api")
public class DatagraphApi extends Application {
}
