package io.datagraph.engine.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SignalNumbersTest {

    private final SignalNumbers numbers = new SignalNumbers();

    @Test
    void aWatcherOfAStreamSleepsThroughSignalsNamingOtherStreams() {
        long seen = numbers.lastConcerning("squares");
        numbers.count(List.of("numbers"));
        assertEquals(seen, numbers.lastConcerning("squares"));
    }

    @Test
    void aWatcherOfAStreamIsWokenBySignalsNamingIt() {
        long seen = numbers.lastConcerning("squares");
        numbers.count(List.of("numbers", "squares"));
        assertNotEquals(seen, numbers.lastConcerning("squares"));
    }

    @Test
    void aSignalNamingNoStreamWakesTheWatchersOfEveryStream() {
        long seen = numbers.lastConcerning("squares");
        numbers.count(List.of());
        assertNotEquals(seen, numbers.lastConcerning("squares"));
    }

    @Test
    void aWatcherOfTheWholeRunIsWokenByEverySignal() {
        long seen = numbers.lastConcerning(null);
        numbers.count(List.of("numbers"));
        assertNotEquals(seen, numbers.lastConcerning(null));
    }
}
