package io.datagraph.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus ({@code prometheus} from the PATH, Debian's package in CI) scraping one target every
 * second, on a loopback port of its own, with its data in a temporary folder. Under {@code CI=true} a
 * missing binary fails the test instead of skipping it.
 */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final String base;

    private PrometheusServer(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The binary, or a skipped test (a failed one under CI=true) when there is none. */
    static Path binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("no " + name + " on the PATH: .ci/run installs Debian's prometheus package");
        }
        assumeTrue(false, "no " + name + " on the PATH (apt-get install prometheus)");
        return null;
    }

    /** Starts Prometheus scraping {@code target} ({@code host:port}) at {@code path}; returns once it is ready. */
    static PrometheusServer scraping(String target, String path) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("datagraph-prometheus-");
        Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "scrape_configs:",
                "  - job_name: datagraph",
                "    metrics_path: " + path,
                "    static_configs:",
                "      - targets: ['" + target + "']", ""));
        int port = io.datagraph.test.RedisServer.freePort();
        Process process = new ProcessBuilder(binary("prometheus").toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("Prometheus did not become ready: " + Files.readString(dir.resolve("prometheus.log")));
            }
            Thread.sleep(100);
        }
        return server;
    }

    private boolean ready() {
        try {
            return Api.sendIsolated(HttpRequest.newBuilder(URI.create(base + "/-/ready")).GET().build()).statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** The value of an instant query that answers one series, empty while it answers none. */
    OptionalDouble query(String promql) {
        HttpResponse<String> answer = Api.sendIsolated(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).GET().build());
        JsonObject body = Api.json(answer);
        JsonArray result = body.getJsonObject("data").getJsonArray("result");
        if (result.size() != 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
    }

    /** Waits until {@code promql} answers {@code expected}; returns what it answered last. */
    OptionalDouble await(String promql, double expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        OptionalDouble value = query(promql);
        while ((value.isEmpty() || value.getAsDouble() != expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = query(promql);
        }
        return value;
    }

    /** Runs {@code promtool check metrics} on a page; returns its exit status and what it printed. */
    static List<String> promtoolCheck(String page) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(binary("promtool").toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check.waitFor(30, TimeUnit.SECONDS);
        return List.of(String.valueOf(check.exitValue()), output);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
