package io.datagraph.engine.protocol;

/**
 * Where one value sits in a stream: {@code <entry id>:<index in the entry>}, e.g.
 * {@code 1795634962633-0:3}. SSE event ids and {@code Last-Event-ID} carry it.
 */
public record StreamPosition(String entryId, int index) {

    /** @throws IllegalArgumentException naming the stream if {@code text} is not a position */
    public static StreamPosition parse(String text, String stream) {
        int colon = text.lastIndexOf(':');
        try {
            String entry = text.substring(0, colon);
            int index = Integer.parseInt(text.substring(colon + 1));
            if (!entry.matches("\\d+-\\d+") || index < 0) {
                throw new IllegalArgumentException();
            }
            return new StreamPosition(entry, index);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a position of stream '" + stream
                    + "' (expected <entry id>:<index>, as given with each value)");
        }
    }

    @Override
    public String toString() {
        return entryId + ":" + index;
    }
}
