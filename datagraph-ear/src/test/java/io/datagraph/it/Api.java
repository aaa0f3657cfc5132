package io.datagraph.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The REST API of the deployed EAR, called over HTTP exactly as a user would. */
final class Api {

    static final String BASE = System.getProperty("datagraph.it.http", "http://127.0.0.1:8180") + "/datagraph/api";
    static final String MANAGEMENT = System.getProperty("datagraph.it.management", "http://127.0.0.1:10090");

    /** HTTP/1.1, as curl and most REST clients speak it (the JDK client would otherwise upgrade to h2c). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The Authorization header sent with every request that names none (a secured server's tests set it), or null. */
    static volatile String authorization;

    private Api() {
    }

    /** One Server-Sent Event: its name ({@code message} by default), id and data. */
    record Event(String name, String id, String data) {
    }

    static HttpResponse<String> post(String path, String json) {
        return postAt(BASE, path, json);
    }

    /** A POST to an API at another base URL (a benchmark warms its client on a stand-in server). */
    static HttpResponse<String> postAt(String base, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Accept", accept).GET());
    }

    static HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).DELETE());
    }

    static HttpResponse<String> health(String which) {
        return send(HttpRequest.newBuilder(URI.create(MANAGEMENT + "/health/" + which)).GET());
    }

    /** A client of its own, for requests that may leave their connection unusable (a server may answer an
     *  oversized header before reading all of it, and the rest then spoils the next request on it). */
    private static final HttpClient ISOLATED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends on a connection no other test request uses. */
    static HttpResponse<String> sendIsolated(HttpRequest request) {
        try {
            return ISOLATED.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, Duration.ofSeconds(60));
    }

    /** Sends a request, failing with an {@link UncheckedIOException} when no answer came within the timeout. */
    static HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpRequest built = request.timeout(timeout).build();
            String credentials = authorization;
            if (credentials != null && built.headers().firstValue("Authorization").isEmpty()) {
                built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", credentials).build();
            }
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    static JsonStructure parse(String json) {
        return Json.createReader(new StringReader(json)).read();
    }

    /** Starts a run and returns its id, asserting nothing but that it started. */
    static String start(String body) {
        return startAt(BASE, body);
    }

    /** {@link #start} on an API at another base URL. */
    static String startAt(String base, String body) {
        HttpResponse<String> response = postAt(base, "/flows", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("start answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).getString("id");
    }

    /**
     * Follows an output over SSE and returns its events, up to and including {@code complete} or
     * {@code error}, or the first {@code limit} events (then disconnects).
     */
    static List<Event> follow(String runId, String io, String lastEventId, int limit) {
        return followAt(BASE, runId, io, limit, lastEventId);
    }

    /** {@link #follow} on an API at another base URL. */
    static List<Event> followAt(String base, String runId, String io, int limit, String lastEventId) {
        return events(base + "/flows/" + runId + "/outputs/" + io, lastEventId, limit);
    }

    /** Every event of an SSE resource until the server closes the stream. */
    static List<Event> followPath(String path) {
        return events(BASE + path, null, Integer.MAX_VALUE);
    }

    private static List<Event> events(String uri, String lastEventId, int limit) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("SSE answered " + response.statusCode());
            }
            List<Event> events = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (id != null || data.length() > 0 || !name.equals("message")) {
                            Event event = new Event(name, id, data.toString());
                            events.add(event);
                            if (name.equals("complete") || name.equals("error") || events.size() == limit) {
                                return events;
                            }
                        }
                        name = "message";
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                    }
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
