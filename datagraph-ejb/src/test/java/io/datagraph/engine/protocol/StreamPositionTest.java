package io.datagraph.engine.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamPositionTest {

    @Test
    void aPositionIsTheEntryIdAndTheIndexInTheEntry() {
        StreamPosition position = StreamPosition.parse("1795634962633-0:3", "bar");
        assertEquals("1795634962633-0", position.entryId());
        assertEquals(3, position.index());
        assertEquals("1795634962633-0:3", position.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "1-0", "1-0:", "1-0:-1", "x-0:1", "1-0:one", "1:2"})
    void anythingElseIsRefusedNamingTheStream(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse(text, "bar"));
        assertTrue(e.getMessage().contains("stream 'bar'"), e.getMessage());
    }
}
