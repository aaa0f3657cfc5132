package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.IO;
import io.datagraph.InputClosedException;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.UnknownStreamException;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run can start with an input left open and be fed values over time. */
@EngineTest
class OpenInputTest {

    @Inject
    Datagraph datagraph;

    @Test
    void valuesAppendedToAnOpenInputStreamThroughTheRunAsTheyCome() throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        Iterator<String> greetings = run.<String>io("greetings", String.class).iterator();
        run.append("names", List.of("Ada"));
        assertEquals("bonjour, Ada", greetings.next());
        run.append("names", List.of("Grace", "Barbara"));
        assertEquals(List.of("bonjour, Grace", "bonjour, Barbara"), List.of(greetings.next(), greetings.next()));
        assertEquals(RunStatus.RUNNING, run.status());
        run.complete("names");
        assertTrue(!greetings.hasNext());
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(10)));
    }

    @Test
    void openInputMayStartWithValues() {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).input("names", "Ada").open("names"));
        run.append("names", List.of("Grace"));
        run.complete("names");
        assertEquals(List.of("bonjour, Ada", "bonjour, Grace"), run.<String>io("greetings", String.class).stream().toList());
    }

    @Test
    void appendingToACompletedInputIsRefused() {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        run.complete("names");
        InputClosedException e = assertThrows(InputClosedException.class, () -> run.append("names", List.of("late")));
        assertTrue(e.getMessage().contains("completed"), e.getMessage());
    }

    @Test
    void appendingToAnOutputIsRefusedNamingItsProducer() {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        InputClosedException e = assertThrows(InputClosedException.class, () -> run.append("greetings", List.of("x")));
        assertTrue(e.getMessage().contains("'greet'"), e.getMessage());
        run.cancel();
    }

    @Test
    void appendingToAnInputGivenCompleteIsRefused() {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).input("names", "Ada"));
        assertThrows(InputClosedException.class, () -> run.append("names", List.of("late")));
    }

    @Test
    void appendingToAnUnknownStreamIsRefused() {
        Run run = datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
        UnknownStreamException e = assertThrows(UnknownStreamException.class, () -> run.append("nope", List.of(1)));
        assertEquals("nope", e.stream());
        run.cancel();
    }

    @Test
    void readerResumesAfterAPositionWithoutLossOrDuplicates() {
        Run run = datagraph.start(RunRequest.of(Flow.of("countTo")).input("n", 3000));
        IO<Integer> ints = run.io("ints", Integer.class);
        var all = ints.after("");
        String position = null;
        for (int i = 0; i < 1500; i++) {
            position = all.next().position();
        }
        var resumed = ints.after(position);
        for (int expected = 1500; expected < 3000; expected++) {
            assertEquals(expected, resumed.next().value());
        }
        assertTrue(!resumed.hasNext());
    }

    @Test
    void malformedPositionIsRefused() {
        Run run = datagraph.start(RunRequest.of(Flow.of("countTo")).input("n", 3));
        assertThrows(IllegalArgumentException.class, () -> run.io("ints", Integer.class).after("garbage"));
    }
}
