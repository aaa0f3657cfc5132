package io.datagraph.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test or benchmark asks the store directly, over a plain socket (Redisson has no {@code MONITOR}):
 * an {@code INFO} field, the commands the store received during an interval, a pause of its writes. Not thread-safe.
 */
public final class StoreProbe {

    private final String host;
    private final int port;

    public StoreProbe(URI redis) {
        this.host = redis.getHost();
        this.port = redis.getPort() > 0 ? redis.getPort() : 6379;
    }

    /** A field of {@code INFO}, e.g. {@code process_id}. */
    public String info(String field) {
        try (Socket socket = new Socket(host, port)) {
            send(socket.getOutputStream(), "INFO");
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String header = line(in);
            int length = Integer.parseInt(header.substring(1));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            for (String line : body.split("\r\n")) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1);
                }
            }
            throw new IllegalStateException("the store's INFO has no " + field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds every write command (scripts included) the store receives for {@code millis} ms:
     * {@code CLIENT PAUSE <millis> WRITE}. What is sent meanwhile stays in flight until then.
     */
    public void pauseWrites(long millis) {
        try (Socket socket = new Socket(host, port)) {
            send(socket.getOutputStream(), "CLIENT PAUSE " + millis + " WRITE");
            String reply = line(new BufferedInputStream(socket.getInputStream()));
            if (!"+OK".equals(reply)) {
                throw new IllegalStateException("the store refused CLIENT PAUSE: " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The commands the store receives while {@code during} runs, as {@code MONITOR} prints them
     * (commands a script runs are marked {@code [... lua]}).
     */
    public List<String> monitor(Runnable during) {
        try (Socket socket = new Socket(host, port)) {
            send(socket.getOutputStream(), "MONITOR");
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (!line(in).equals("+OK")) {
                throw new IllegalStateException("the store refused MONITOR");
            }
            List<String> seen = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    for (String line = line(in); line != null; line = line(in)) {
                        synchronized (seen) {
                            seen.add(line.substring(1));
                            seen.notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // the socket closes when the interval ends
                }
            }, "store monitor");
            reader.start();
            during.run();
            // a marker sent on another connection: once the monitor shows it, every command of the
            // interval has been read
            String marker = "probe-" + System.nanoTime();
            try (Socket other = new Socket(host, port)) {
                send(other.getOutputStream(), "ECHO " + marker);
                line(new BufferedInputStream(other.getInputStream()));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                synchronized (seen) {
                    for (int i = seen.size() - 1; i >= 0; i--) {
                        if (seen.get(i).contains(marker)) {
                            return new ArrayList<>(seen.subList(0, i));
                        }
                    }
                    seen.wait(100);
                }
            }
            throw new IllegalStateException("the store's monitor stream did not catch up within 10 s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(OutputStream out, String inlineCommand) throws IOException {
        out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, Math.max(0, bytes.length - 1), StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException(e);
        }
        return null;
    }
}
