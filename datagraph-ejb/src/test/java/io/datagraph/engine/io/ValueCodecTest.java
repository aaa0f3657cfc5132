package io.datagraph.engine.io;

import io.datagraph.engine.protocol.EntryCodec;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueCodecTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static <T> ValueCodec<T> codec(Class<T> type) {
        return ValueCodec.forType(type, JSONB);
    }

    @Test
    void anIntegerIsReadWhereItLiesInAPayload() {
        assertEquals(-42, codec(Integer.class).decode("7\n-42\n9", 2, 5));
        assertEquals(9_000_000_000L, codec(Long.class).decode("[1]\n9000000000", 4, 14));
    }

    @Test
    void anIntegerWrittenAnotherWayIsReadThroughJsonB() {
        // another writer (Python, JavaScript) may write an integral number with a fraction or an exponent
        assertEquals(3, codec(Integer.class).decode("x\n3.0", 2, 5));
        assertEquals(1000L, codec(Long.class).decode("1e3"));
    }

    @Test
    void somethingThatIsNoNumberIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec(Integer.class).decode("1\n\"one\"", 2, 7));
        assertTrue(e.getMessage().contains("\"one\"") && e.getMessage().contains("Integer"), e.getMessage());
    }

    @Test
    void integersAreWrittenInPlaceAsTheirDigits() {
        ValueCodec<Long> longs = codec(Long.class);
        StringBuilder payload = new StringBuilder("1\n");
        longs.encode(Long.MIN_VALUE, payload);
        assertTrue(longs.encodesInPlace());
        assertEquals("1\n-9223372036854775808", payload.toString());
        assertTrue(String.valueOf(Long.MIN_VALUE).length() <= ValueCodec.IN_PLACE_CHARS);
    }

    @Test
    void otherValuesAreEncodedAsJsonOnOneLine() {
        ValueCodec<Map> maps = codec(Map.class);
        assertFalse(maps.encodesInPlace());
        assertEquals("{\"text\":\"a\\nb\"}", maps.encode(Map.of("text", "a\nb")));
        assertEquals(List.of(1, 2), codec(List.class).decode("x\n[1,2]", 2, 7).stream()
                .map(n -> ((Number) n).intValue()).toList());
    }

    @Test
    void jsonTextIsTheStoredTextNeitherParsedNorRewritten() {
        // 1.0E20 would come back as 1.0E+20 through a JSON tree, and key order or spacing could change
        assertEquals(new JsonText("{\"b\": 1.0E20,\"a\":[]}"), codec(JsonText.class).decode("7\n{\"b\": 1.0E20,\"a\":[]}", 2, 22));
        assertEquals("\"x\"", codec(JsonText.class).encode(new JsonText("\"x\"")));
    }

    @Test
    void aJsonTextOfMoreThanOneLineIsNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> codec(JsonText.class).encode(new JsonText("[1,\n2]")));
    }

    @Test
    void aDoubleWithoutJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> codec(Double.class).encode(Double.NaN));
        assertEquals(0.5, codec(Double.class).decode("x\n0.5", 2, 5));
    }

    @Test
    void anEncoderWritesNumbersInPlaceOnlyWhenNoSizeLimitCouldRefuseThem() {
        ValueCodec<Long> longs = codec(Long.class);
        assertTrue(new OutputEncoder<Long>("out", longs, new EntryCodec.SizeLimit(1024)).writesInPlace(1L));
        assertFalse(new OutputEncoder<Long>("out", longs, new EntryCodec.SizeLimit(8)).writesInPlace(1L));
    }

    @Test
    void anEncoderRefusesNullNamingTheOutput() {
        OutputEncoder<Long> encoder = new OutputEncoder<>("out", codec(Long.class), new EntryCodec.SizeLimit(1024));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.writesInPlace(null));
        assertTrue(e.getMessage().contains("'out'"), e.getMessage());
    }
}
