package io.datagraph.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Headless Chromium driven over the W3C WebDriver protocol (plain JSON over HTTP to chromedriver),
 * so browser tests need no driver library. {@link #available()} tells whether Debian's
 * {@code chromium} and {@code chromium-driver} are installed.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process driver;
    private final String base;
    private final String session;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test when the browser is missing on a developer's machine, but fails it under
     * {@code CI=true}: a test the CI silently skips proves nothing.
     */
    static void requireOrSkip() {
        if (available()) {
            return;
        }
        String missing = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(missing + "; under CI=true this fails rather than skips");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, missing);
    }

    Browser() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        JsonObject options = Json.createObjectBuilder()
                .add("binary", CHROMIUM.toString())
                .add("args", Json.createArrayBuilder(List.of("--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1400,1000")))
                .build();
        JsonObject capabilities = Json.createObjectBuilder().add("capabilities", Json.createObjectBuilder()
                .add("alwaysMatch", Json.createObjectBuilder().add("browserName", "chrome")
                        .add("goog:chromeOptions", options))).build();
        JsonObject created = null;
        for (int attempt = 0; created == null; attempt++) {
            try {
                created = call("POST", "/session", capabilities);
            } catch (IOException notYetListening) {
                if (attempt > 50) {
                    throw notYetListening;
                }
                Thread.sleep(100);
            }
        }
        session = created.getJsonObject("value").getString("sessionId");
    }

    void open(String url) throws IOException, InterruptedException {
        command("POST", "/url", Json.createObjectBuilder().add("url", url).build());
    }

    /** The id of the first element matching the CSS selector. */
    String find(String css) throws IOException, InterruptedException {
        JsonObject found = command("POST", "/element",
                Json.createObjectBuilder().add("using", "css selector").add("value", css).build());
        return found.getJsonObject("value").getString(ELEMENT);
    }

    void type(String css, String text) throws IOException, InterruptedException {
        String element = find(css);
        command("POST", "/element/" + element + "/clear", JsonValue.EMPTY_JSON_OBJECT);
        command("POST", "/element/" + element + "/value", Json.createObjectBuilder().add("text", text).build());
    }

    void click(String css) throws IOException, InterruptedException {
        command("POST", "/element/" + find(css) + "/click", JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Runs JavaScript in the page and returns its result as a string ("" for null). */
    String script(String javascript) throws IOException, InterruptedException {
        JsonValue value = command("POST", "/execute/sync", Json.createObjectBuilder().add("script", javascript)
                .add("args", JsonValue.EMPTY_JSON_ARRAY).build()).get("value");
        return value == null || value == JsonValue.NULL ? ""
                : value.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) value).getString()
                : value.toString();
    }

    void screenshot(Path file) throws IOException, InterruptedException {
        String png = command("GET", "/screenshot", null).getString("value");
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    private JsonObject command(String method, String path, JsonObject body) throws IOException, InterruptedException {
        return call(method, "/session/" + session + path, body);
    }

    private JsonObject call(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return Api.parse(response.body()).asJsonObject();
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // the driver process goes next anyway
        } finally {
            driver.destroy();
        }
    }
}
