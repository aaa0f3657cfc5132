package io.datagraph.engine.protocol;

import io.datagraph.DatagraphException;
import io.datagraph.LimitExceededException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stream entries, encoded and decoded without a store. */
class EntryCodecTest {

    private static final EntryCodec UNSIGNED = EntryCodec.of(Optional.empty(), 3, 10);
    private static final EntryCodec SIGNED = EntryCodec.of(Optional.of("a secret of enough length"), 3, 10);

    private static List<Object> fields(EntryCodec.Batch batch) {
        return batch.signature().isEmpty()
                ? List.of(EntryCodec.COUNT, String.valueOf(batch.count()), EntryCodec.VALUES, batch.payload())
                : List.of(EntryCodec.COUNT, String.valueOf(batch.count()), EntryCodec.VALUES, batch.payload(),
                EntryCodec.SIGNATURE, batch.signature());
    }

    @Test
    void valuesAreBatchedIntoEntriesOfAtMostTheBatchSize() {
        List<String> values = IntStream.range(0, 7).mapToObj(String::valueOf).toList();
        List<EntryCodec.Batch> batches = UNSIGNED.batches("run", "s", values);
        assertEquals(List.of(3, 3, 1), batches.stream().map(EntryCodec.Batch::count).toList());
        assertEquals("0\n1\n2", batches.get(0).payload());
        assertEquals("6", batches.get(2).payload());
    }

    @Test
    void anEntryTakesNoFurtherValueOnceItsPayloadReachesTheEntrySize() {
        String big = "\"" + "x".repeat(EntryCodec.ENTRY_CHARS / 2) + "\"";
        EntryCodec manyPerEntry = EntryCodec.of(Optional.empty(), 1000, EntryCodec.ENTRY_CHARS * 2);
        List<EntryCodec.Batch> batches = manyPerEntry.batches("run", "s", List.of(big, big, big, "1"));
        assertEquals(List.of(2, 2), batches.stream().map(EntryCodec.Batch::count).toList());
    }

    @Test
    void anEntryDecodesToItsValuesInOrder() {
        EntryCodec.Batch batch = UNSIGNED.batches("run", "s", List.of("\"a\"", "[1,2]", "{\"k\":3}")).get(0);
        EntryCodec.Entry entry = UNSIGNED.decode("run", "s", "1-0", fields(batch));
        assertEquals(List.of("\"a\"", "[1,2]", "{\"k\":3}"), entry.values());
        assertFalse(entry.end());
    }

    @Test
    void theEndMarkerDecodesAsTheEndWithoutValues() {
        EntryCodec.Entry entry = UNSIGNED.decode("run", "s", "2-0", List.of(EntryCodec.END, "1"));
        assertTrue(entry.end());
        assertEquals(0, entry.size());
    }

    @Test
    void eachValueIsReadWhereItLiesInThePayload() {
        EntryCodec.Entry entry = UNSIGNED.decode("run", "s", "1-0", List.of(EntryCodec.COUNT, "3", EntryCodec.VALUES, "12\n\"b\"\n345"));
        assertEquals(3, entry.size());
        assertEquals(2, entry.valueEnd(0, 0));
        assertEquals(List.of("\"b\""), entry.values(1, 2));
        assertEquals(7, entry.valueStart(2));
        assertEquals(10, entry.valueEnd(7, 2));
    }

    @Test
    void anEntryWithoutItsCountIsCounted() {
        EntryCodec.Entry entry = UNSIGNED.decode("run", "s", "1-0", List.of(EntryCodec.VALUES, "1\n2\n3"));
        assertEquals(List.of("1", "2", "3"), entry.values());
    }

    @Test
    void anEntryWhosePayloadDisagreesWithItsCountIsRefusedAsItIsRead() {
        EntryCodec.Entry more = UNSIGNED.decode("run", "s", "1-0", List.of(EntryCodec.COUNT, "2", EntryCodec.VALUES, "1\n2\n3"));
        DatagraphException e = assertThrows(DatagraphException.class, more::values);
        assertTrue(e.getMessage().contains("entry 1-0 is malformed: its n says 2 values"), e.getMessage());
        EntryCodec.Entry fewer = UNSIGNED.decode("run", "s", "1-0", List.of(EntryCodec.COUNT, "4", EntryCodec.VALUES, "1\n2"));
        assertThrows(DatagraphException.class, fewer::values);
    }

    @Test
    void aValueOverTheSizeLimitIsRefusedNamingIt() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> UNSIGNED.sizeLimit().check("\"12345678901\"", () -> "a value emitted to 'bar'"));
        assertEquals(LimitExceededException.Limit.VALUE_BYTES, e.limit());
        assertTrue(e.getMessage().contains("a value emitted to 'bar' of 13 bytes"), e.getMessage());
    }

    @Test
    void theSizeLimitCountsUtf8BytesNotCharacters() {
        EntryCodec.SizeLimit twelve = new EntryCodec.SizeLimit(12);
        twelve.check("\"1234567890\"", () -> "ten digits"); // 12 characters, 12 bytes: fits
        twelve.check("\"éééé\"", () -> "four accents"); // 6 characters, 10 bytes: fits
        LimitExceededException accents = assertThrows(LimitExceededException.class,
                () -> twelve.check("\"ééééée\"", () -> "six letters")); // 8 characters, 13 bytes
        assertTrue(accents.getMessage().contains("six letters of 13 bytes"), accents.getMessage());
        LimitExceededException emoji = assertThrows(LimitExceededException.class,
                () -> twelve.check("\"😀😀😀\"", () -> "three emoji")); // 8 characters, 14 bytes
        assertTrue(emoji.getMessage().contains("of 14 bytes"), emoji.getMessage());
    }

    @Test
    void unsignedEntriesCarryNoSignature() {
        assertEquals("", UNSIGNED.batches("run", "s", List.of("1")).get(0).signature());
    }

    @Test
    void aSignedEntryVerifies() {
        EntryCodec.Batch batch = SIGNED.batches("run", "s", List.of("1", "2")).get(0);
        assertFalse(batch.signature().isEmpty());
        assertEquals(List.of("1", "2"), SIGNED.decode("run", "s", "1-0", fields(batch)).values());
    }

    @Test
    void anUnsignedEntryIsRefusedWhenSigningIsOn() {
        EntryCodec.Batch batch = UNSIGNED.batches("run", "s", List.of("1")).get(0);
        DatagraphException e = assertThrows(DatagraphException.class,
                () -> SIGNED.decode("run", "s", "1-0", fields(batch)));
        assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("unsigned"), e.getMessage());
    }

    @Test
    void anEntryMovedToAnotherStreamIsRefused() {
        EntryCodec.Batch batch = SIGNED.batches("run", "s", List.of("1")).get(0);
        DatagraphException e = assertThrows(DatagraphException.class,
                () -> SIGNED.decode("run", "other", "1-0", fields(batch)));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void anAlteredPayloadIsRefused() {
        EntryCodec.Batch batch = SIGNED.batches("run", "s", List.of("1")).get(0);
        List<Object> altered = List.of(EntryCodec.VALUES, "2", EntryCodec.SIGNATURE, batch.signature());
        assertThrows(DatagraphException.class, () -> SIGNED.decode("run", "s", "1-0", altered));
    }
}
