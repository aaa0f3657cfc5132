package io.datagraph.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Warms a benchmark's own HTTP client before it measures a server's first run: the same calls the
 * benchmark makes ({@link Api#startAt}, {@link Api#followAt}), against a stand-in API served by this JVM
 * (the JDK's HTTP server) that answers a start and streams events in the real API's format. So round 1
 * measures the server's cold start, not this JVM's first POST and first event stream; the server under
 * test receives no request.
 */
final class ClientWarmUp {

    private static final String RUN = "stand-in";

    private ClientWarmUp() {
    }

    /** {@code rounds} starts, each followed by an event stream of {@code events} values. */
    static void run(int rounds, int events) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/datagraph/api/flows", exchange -> answer(exchange, events));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/datagraph/api";
            for (int round = 0; round < rounds; round++) {
                String run = Api.startAt(base, "{\"flow\":\"squares\",\"inputs\":{\"count\":[" + events + "]}}");
                Api.followAt(base, run, "numbers", 1, null);
                List<Api.Event> all = Api.followAt(base, run, "numbers", Integer.MAX_VALUE, null);
                if (all.size() != events + 1) {
                    throw new IllegalStateException("the stand-in streamed " + all.size() + " events, not " + (events + 1));
                }
            }
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int events) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.getRequestBody().readAllBytes();
                byte[] started = ("{\"id\":\"" + RUN + "\",\"status\":\"RUNNING\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, started.length);
                exchange.getResponseBody().write(started);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < events; i++) {
                batch.append("id: 1-").append(i).append("\ndata: ").append((long) i * i).append("\n\n");
                if (batch.length() > 8192) {
                    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                    batch.setLength(0);
                }
            }
            batch.append("event: complete\ndata: \n\n");
            out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedByAClientThatWantedOneEvent) {
            // a client that asked for one event hangs up after it, while the stream is still being written
        }
    }
}
