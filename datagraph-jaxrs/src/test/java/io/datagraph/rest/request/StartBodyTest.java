package io.datagraph.rest.request;

import io.datagraph.OutputSelection;
import io.datagraph.RunRequest;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body of {@code POST /flows}, read without a server. */
class StartBodyTest {

    private static JsonStructure json(String text) {
        return Json.createReader(new StringReader(text)).read();
    }

    /** Named flows need the engine; these bodies never name one. */
    private static RunRequest request(String body) {
        return StartBody.toRequest(json(body), null);
    }

    @Test
    void processorsInputsOpenInputsAndOutputsAreRead() {
        RunRequest request = request("{\"processors\":[\"square\",\"sum\"],\"inputs\":{\"x\":[1,2]},"
                + "\"open\":[\"numbers\"],\"outputs\":\"all\"}");
        assertEquals(List.of("square", "sum"), request.flow().processors());
        assertEquals(2, request.inputs().get("x").size());
        assertEquals(Set.of("numbers"), request.openInputs());
        assertEquals(OutputSelection.ALL, request.outputSelection());
    }

    @Test
    void outputsDefaultToTheFinalPartition() {
        assertEquals(OutputSelection.FINAL, request("{\"processors\":[\"multiply\"]}").outputSelection());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1]|JSON object",
            "{}|either \"processors\"",
            "{\"processors\":[\"a\"],\"flow\":\"f\"}|either \"processors\"",
            "{\"processors\":\"a\"}|array of strings",
            "{\"processors\":[1]}|array of strings",
            "{\"processors\":[\"a\"],\"inputs\":[5]}|object of arrays",
            "{\"processors\":[\"a\"],\"inputs\":{\"x\":5}}|input \"x\" must be an array",
            "{\"processors\":[\"a\"],\"inputs\":{\"x\":[null]}}|holds null",
            "{\"processors\":[\"a\"],\"outputs\":\"some\"}|\"final\", \"all\" or \"terminal\"",
            "{\"processors\":[\"a\"],\"colour\":1}|unknown field \"colour\""})
    void aMalformedBodyIsRefusedSayingWhatToFix(String body, String detail) {
        MalformedRequestException e = assertThrows(MalformedRequestException.class, () -> request(body));
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
