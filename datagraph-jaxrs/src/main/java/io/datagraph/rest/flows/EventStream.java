package io.datagraph.rest.flows;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes Server-Sent Events ({@code text/event-stream}) to a response body. Events collect in a
 * {@value #BUFFER} character buffer and go out when it fills or at {@link #flush()}: a feed flushes
 * when it has nothing more at hand, so a fast stream leaves in large writes and a slow one at once.
 * Writes block while the client does not read (its connection's buffers are full), which bounds what
 * the server holds per client. Not thread-safe: one feed writes.
 */
final class EventStream implements Closeable {

    private static final int BUFFER = 16 * 1024;

    private final Writer out;

    EventStream(OutputStream body) {
        this.out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), BUFFER);
    }

    /**
     * Adds an event.
     *
     * @param name its {@code event:} name, or null for the default ({@code message})
     * @param id   its {@code id:} (what a client sends back as {@code Last-Event-ID}), or null
     * @param data its data; each line becomes a {@code data:} line
     */
    void send(String name, String id, String data) throws IOException {
        if (name != null) {
            out.write("event: ");
            out.write(name);
            out.write('\n');
        }
        if (id != null) {
            out.write("id: ");
            out.write(id);
            out.write('\n');
        }
        int start = 0;
        for (int end = data.indexOf('\n'); end >= 0; start = end + 1, end = data.indexOf('\n', start)) {
            out.write("data: ");
            out.write(data, start, end - start);
            out.write('\n');
        }
        out.write("data: ");
        out.write(data, start, data.length() - start);
        out.write("\n\n");
    }

    /** Adds a comment line, which clients ignore (it opens the stream on servers that send headers with the first bytes). */
    void comment(String text) throws IOException {
        out.write(": ");
        out.write(text);
        out.write("\n\n");
    }

    /** Sends the events added so far. */
    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
