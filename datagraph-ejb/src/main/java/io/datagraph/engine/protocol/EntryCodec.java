package io.datagraph.engine.protocol;

import io.datagraph.DatagraphException;
import io.datagraph.LimitExceededException;
import io.datagraph.engine.config.EngineConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one encoder and decoder of stream entries, for every writer (emitters, inputs given at start or
 * appended) and every reader.
 *
 * <p><b>Entry format.</b> A stream entry holds either a batch of values or the stream's end:
 * <ul>
 *   <li>{@value #COUNT}: how many values; {@value #VALUES}: their JSON texts joined by {@code \n}
 *       (each value's JSON is on one line); {@value #SIGNATURE}: HMAC-SHA256 (hex) of run id, stream name
 *       and payload, present when {@code datagraph.security.hmac-secret} is set;</li>
 *   <li>{@value #END}{@code =1}: the end marker, written once, last.</li>
 * </ul>
 * A batch holds at most {@code datagraph.emit.batch} values, each at most
 * {@code datagraph.limits.value-bytes} bytes of JSON (UTF-8), and takes no further value once its
 * payload reaches {@value #ENTRY_CHARS} characters. A value's position in the stream is a
 * {@link StreamPosition}: the entry id and the value's index in the entry.
 *
 * <p>Thread-safe; {@link Batcher}s are not.
 */
@ApplicationScoped
public class EntryCodec {

    public static final String COUNT = "n";
    public static final String VALUES = "v";
    public static final String SIGNATURE = "s";
    public static final String END = "end";
    /**
     * An entry takes no further value once its payload is this long, however few values it holds: with
     * many small values an entry amortises the store's per-entry work, with large ones this bounds what
     * one append carries and what a reader buffers ({@code datagraph.read.batch} entries).
     */
    public static final int ENTRY_CHARS = 256 * 1024;

    @Inject
    EngineConfig config;

    private PayloadSigner signer;
    private int maxBatch;
    private int maxValueBytes;

    @PostConstruct
    void init() {
        signer = PayloadSigner.of(config.security().hmacSecret());
        maxBatch = config.streams().emitBatch();
        maxValueBytes = config.limits().valueBytes();
    }

    /** A codec with these settings, for code outside CDI (benchmarks, tests). */
    public static EntryCodec of(java.util.Optional<String> hmacSecret, int maxBatch, int maxValueBytes) {
        EntryCodec codec = new EntryCodec();
        codec.signer = PayloadSigner.of(hmacSecret);
        codec.maxBatch = maxBatch;
        codec.maxValueBytes = maxValueBytes;
        return codec;
    }

    /** Whether entries are signed. */
    public boolean signing() {
        return signer.enabled();
    }

    /** Most values one entry holds. */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * The size limit as a plain object, for writers that check every value: calling it costs no trip
     * through this bean's CDI proxy.
     */
    public SizeLimit sizeLimit() {
        return new SizeLimit(maxValueBytes);
    }

    /** The most bytes one value's JSON may take in UTF-8 ({@code datagraph.limits.value-bytes}). Immutable. */
    public record SizeLimit(int maxBytes) {

        /** @throws LimitExceededException naming the value if its JSON is too large */
        public void check(String json, Supplier<String> what) {
            // a char is at most 3 bytes in UTF-8 (a surrogate pair 4 for 2 chars): most values need no count
            if (json.length() > maxBytes / 3) {
                long bytes = utf8Length(json);
                if (bytes > maxBytes) {
                    throw new LimitExceededException(LimitExceededException.Limit.VALUE_BYTES,
                            what.get() + " of " + bytes + " bytes (UTF-8 JSON)", maxBytes);
                }
            }
        }

        /** The length of {@code text} in UTF-8, without encoding it. */
        public static long utf8Length(String text) {
            long bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }
    }

    /** Gathers values for entries of one stream of one run. */
    public Batcher batcher(String runId, String stream) {
        return new Batcher(runId, stream);
    }

    /** The entries holding these values (already checked JSON texts), in order. */
    public List<Batch> batches(String runId, String stream, List<String> jsonValues) {
        Batcher batcher = batcher(runId, stream);
        List<Batch> batches = new ArrayList<>();
        for (String json : jsonValues) {
            batcher.add(json);
            if (batcher.full()) {
                batches.add(batcher.take());
            }
        }
        if (!batcher.isEmpty()) {
            batches.add(batcher.take());
        }
        return batches;
    }

    /**
     * All these values (checked JSON texts) as one entry, whatever their number: the results an
     * element-wise commit writes at once. Empty values: a batch of count 0, which writes nothing.
     */
    public Batch entry(String runId, String stream, List<String> jsonValues) {
        if (jsonValues.isEmpty()) {
            return new Batch(0, "", "");
        }
        String payload = String.join("\n", jsonValues);
        return new Batch(jsonValues.size(), payload, signer.sign(runId, stream, payload));
    }

    /**
     * Reads one entry of a stream as the store returned it (field, value, field, value …).
     *
     * @throws io.datagraph.DatagraphException if signing is on and the entry is unsigned or its signature wrong
     */
    public Entry decode(String runId, String stream, String id, List<Object> fields) {
        String payload = field(fields, VALUES);
        if (payload == null) {
            return new Entry(id, "", 0, field(fields, END) != null);
        }
        signer.verify(runId, stream, id, payload, field(fields, SIGNATURE));
        return new Entry(id, payload, count(payload, field(fields, COUNT)), false);
    }

    /** The entry's count as written, else (a writer that left it out) its values counted. */
    private static int count(String payload, String written) {
        if (written != null) {
            try {
                return Integer.parseInt(written);
            } catch (NumberFormatException e) {
                // counted below
            }
        }
        int count = 1;
        for (int i = payload.indexOf('\n'); i >= 0; i = payload.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    private static String field(List<Object> fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i))) {
                return (String) fields.get(i + 1);
            }
        }
        return null;
    }

    /** One entry's worth of values, ready to write: their count, payload and signature ("" when unsigned). */
    public record Batch(int count, String payload, String signature) {
    }

    /**
     * One entry read: its values' JSON texts in order, or the end marker ({@code end}, no values). The
     * values stay where they lie in the payload: a reader walks them with {@link #valueEnd} (a value
     * starts one past the previous one's end) and parses numbers in place ({@code ValueCodec}), cutting
     * out no string per value and scanning the payload once. The count comes from the entry's
     * {@value #COUNT} field; a payload that disagrees with it is found as the values are walked. Immutable.
     */
    public static final class Entry {
        private final String id;
        private final String payload;
        private final int size;
        private final boolean end;

        private Entry(String id, String payload, int size, boolean end) {
            this.id = id;
            this.payload = payload;
            this.size = size;
            this.end = end;
        }

        public String id() {
            return id;
        }

        /** Whether this is the stream's end marker. */
        public boolean end() {
            return end;
        }

        /** How many values it holds. */
        public int size() {
            return size;
        }

        /** The payload the values lie in, separated by newlines. */
        public String payload() {
            return payload;
        }

        /** Where value {@code index} begins in the payload: found by walking the values before it. */
        public int valueStart(int index) {
            int start = 0;
            for (int i = 0; i < index; i++) {
                start = valueEnd(start, i) + 1;
            }
            return start;
        }

        /**
         * Where the value that begins at {@code start}, value {@code index} of the entry, ends (exclusive).
         *
         * @throws DatagraphException if the payload holds more or fewer values than the entry's count
         */
        public int valueEnd(int start, int index) {
            int newline = start <= payload.length() ? payload.indexOf('\n', start) : -1;
            boolean last = index == size - 1;
            if (start > payload.length() || (newline < 0) != last) {
                throw new DatagraphException("entry " + id + " is malformed: its " + COUNT + " says " + size
                        + " values, its payload holds " + (newline < 0 ? index + 1 : "more"));
            }
            return last ? payload.length() : newline;
        }

        /** Every value's JSON text, in order. */
        public List<String> values() {
            return values(0, size);
        }

        /** The JSON texts of values {@code from} (inclusive) to {@code to} (exclusive), in order. */
        public List<String> values(int from, int to) {
            List<String> values = new ArrayList<>(to - from);
            for (int i = from, start = valueStart(from); i < to; i++) {
                int end = valueEnd(start, i);
                values.add(payload.substring(start, end));
                start = end + 1;
            }
            return values;
        }

        @Override
        public String toString() {
            return "Entry[" + id + (end ? ", end" : ", " + payload.replace('\n', ',')) + "]";
        }
    }

    /** Writes one value's JSON, on one line, at the end of an entry's payload. */
    public interface ValueWriter<V> {
        void write(V value, StringBuilder payload);
    }

    /** Gathers value JSON texts into one entry's payload. Not thread-safe. */
    public final class Batcher {
        private final String runId;
        private final String stream;
        private final StringBuilder payload = new StringBuilder();
        private int count;

        private Batcher(String runId, String stream) {
            this.runId = runId;
            this.stream = stream;
        }

        /** Adds a value's JSON (one line, size already checked). */
        public void add(String json) {
            separate();
            payload.append(json);
        }

        /** Adds a value the writer puts straight into the payload (its JSON one line, short: no size check). */
        public <V> void add(V value, ValueWriter<? super V> writer) {
            separate();
            writer.write(value, payload);
        }

        private void separate() {
            if (count++ > 0) {
                payload.append('\n');
            }
        }

        public int count() {
            return count;
        }

        public boolean isEmpty() {
            return count == 0;
        }

        /** Whether the entry holds as many values, or as much payload, as one may. */
        public boolean full() {
            return count >= maxBatch || payload.length() >= ENTRY_CHARS;
        }

        /** The gathered values as a signed batch; the batcher starts over empty. */
        public Batch take() {
            String text = payload.toString();
            Batch batch = new Batch(count, text, signer.sign(runId, stream, text));
            payload.setLength(0);
            count = 0;
            return batch;
        }
    }
}
