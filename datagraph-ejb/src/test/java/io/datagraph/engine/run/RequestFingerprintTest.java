package io.datagraph.engine.run;

import io.datagraph.OutputSelection;
import io.datagraph.RunRequest;
import io.datagraph.flow.Flow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotent starts: which requests count as the same, and which run a key stands for; no store. */
class RequestFingerprintTest {

    private static final RunRequest ORDER = RunRequest.of(Flow.of("enrich", "store")).input("items", 1, 2)
            .input("customer", "ada").open("more").concurrency("enrich", 4);

    private static RequestFingerprint of(RunRequest request) {
        return RequestFingerprint.of(request, String::valueOf);
    }

    @Test
    void theSameRequestBuiltInAnotherOrderHasTheSameFingerprint() {
        Map<String, List<?>> inputs = new LinkedHashMap<>();
        inputs.put("customer", List.of("ada"));
        inputs.put("items", List.of(1, 2));
        RunRequest reordered = RunRequest.of(Flow.of("enrich", "store")).concurrency("enrich", 4).open("more")
                .inputs(inputs);
        assertEquals(of(ORDER).toString(), of(reordered).toString());
    }

    @Test
    void aFingerprintReadsBackAsItWasWritten() {
        RequestFingerprint written = of(ORDER);
        assertEquals(written, RequestFingerprint.parse(written.toString()));
        assertEquals(List.of(), written.differencesFrom(RequestFingerprint.parse(written.toString())));
    }

    @Test
    void differentValuesAreNamedAsTheDifference() {
        assertEquals(List.of("the input values"), of(ORDER.input("items", 1, 3)).differencesFrom(of(ORDER)));
    }

    @Test
    void aDifferentFlowAndRetentionAreNamedAsTheDifferences() {
        RunRequest other = RunRequest.of(Flow.of("enrich", "store")).input("items", 1, 2).input("customer", "ada")
                .open("more").concurrency("enrich", 4).outputs(OutputSelection.ALL).retention(Duration.ofMinutes(5));
        assertEquals(List.of("the flow (processors, outputs, open inputs, workers or retries)", "the retention"),
                of(other).differencesFrom(of(ORDER)));
    }

    @Test
    void aRunRecordedWithoutAFingerprintDiffersInNothing() {
        assertTrue(of(ORDER).differencesFrom(RequestFingerprint.parse("")).isEmpty());
    }

    @Test
    void aKeyStandsForTheSameRunEverywhereAndForEachCallerApart() {
        assertEquals(RequestFingerprint.runId("ada", "order-17"), RequestFingerprint.runId("ada", "order-17"));
        assertNotEquals(RequestFingerprint.runId("ada", "order-17"), RequestFingerprint.runId("bob", "order-17"));
        assertNotEquals(RequestFingerprint.runId("", "order-17"), RequestFingerprint.runId("", "order-18"));
    }
}
