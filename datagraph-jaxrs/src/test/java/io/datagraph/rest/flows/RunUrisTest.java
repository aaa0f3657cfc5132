package io.datagraph.rest.flows;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The URLs a start answers with, built by hand from the API's base URL. */
class RunUrisTest {

    private static final URI API = URI.create("http://127.0.0.1:8080/datagraph/api/");

    @Test
    void aRunLivesUnderFlowsBelowTheApisBase() {
        RunUris uris = new RunUris(API, "6f1c0f7e-5d2a-4c1b-9a43-0b7c9d1e2f30");
        assertEquals(URI.create("http://127.0.0.1:8080/datagraph/api/flows/6f1c0f7e-5d2a-4c1b-9a43-0b7c9d1e2f30"), uris.run());
    }

    @Test
    void anOutputLivesUnderItsRunsOutputs() {
        assertEquals("http://127.0.0.1:8080/datagraph/api/flows/r1/outputs/bar", new RunUris(API, "r1").output("bar"));
    }

    @Test
    void aNameIsOneEncodedPathSegmentNotATemplate() {
        // a slash would make two segments, braces a template for a UriBuilder, a space an invalid URL
        String output = new RunUris(API, "r1").output("a/b {c}é");
        assertEquals("http://127.0.0.1:8080/datagraph/api/flows/r1/outputs/a%2Fb%20%7Bc%7D%C3%A9", output);
        assertEquals("/datagraph/api/flows/r1/outputs/a/b {c}é", URI.create(output).getPath());
    }
}
