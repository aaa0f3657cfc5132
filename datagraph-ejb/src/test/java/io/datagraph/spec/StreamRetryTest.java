package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream processor with retries that throws is run again as a new attempt: the new attempt fences off
 * the old one's writes and resumes its outputs where they stand, so a deterministic processor's values
 * appear once; when its retries are spent, the run fails.
 */
@EngineTest
class StreamRetryTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    private String field(Run run, String field) {
        return store.redisson().<String, String>getMap(new RunKeys("dg", run.id()).meta(), StringCodec.INSTANCE).get(field);
    }

    @Test
    void aStreamProcessorThatThrowsIsRunAgainAndItsValuesAppearOnce() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("flaky")).input("howMany", 200));
        assertEquals(IntStream.range(0, 200).boxed().toList(), run.<Integer>io("counted", Integer.class).stream().toList());
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        assertEquals("2", field(run, "attempt:flaky"));
    }

    @Test
    void whenItsRetriesAreSpentTheRunFails() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("hopeless")).input("whatever", 1));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        assertEquals("2", field(run, "attempt:hopeless"), "retries = 1: two attempts");
        assertTrue(run.failure().orElseThrow().message().contains("hopeless"));
    }

    @Test
    void aRunMayGiveAStreamProcessorRetries() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("hopeless")).retries("hopeless", 2).input("whatever", 1));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        assertEquals("3", field(run, "attempt:hopeless"));
    }
}
