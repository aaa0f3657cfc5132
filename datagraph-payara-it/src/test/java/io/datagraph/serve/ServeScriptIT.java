package io.datagraph.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's {@code ./serve}, run as a user runs it (on ports of its own, with the EAR this build
 * made): it starts, serves under load, stops on SIGTERM leaving nothing deployed, and starts again
 * deterministically, on both servers; a dump.rdb lying in the project root is never loaded; a store
 * that cannot start stops it at once with the store's log.
 */
class ServeScriptIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration START = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A running ./serve, its output collected. */
    private static final class Serve implements AutoCloseable {
        final Process process;
        final StringBuffer output = new StringBuffer();
        private final Thread reader;

        Serve(String server, int offset) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("serve").toString()).directory(ROOT.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("DATAGRAPH_SERVER", server);
            builder.environment().put("DATAGRAPH_PORT_OFFSET", String.valueOf(offset));
            builder.environment().put("DATAGRAPH_BUILD", "no");
            builder.environment().remove("DATAGRAPH_REDIS_URL");
            // this module's own Payara ITs tell their server where its API is; ./serve knows its own
            builder.environment().remove("DATAGRAPH_REST_WARM_UP_URL");
            // and a shorter warm-up; ./serve runs the default one, as a user's does
            builder.environment().remove("DATAGRAPH_NODE_WARM_UP_VALUES");
            builder.environment().remove("DATAGRAPH_NODE_WARM_UP_RUNS");
            process = builder.start();
            reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)).lines().forEach(line -> output.append(line).append('\n')), "serve-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for it to end by itself, and for the last of its output. */
        boolean awaitExit(Duration within) throws InterruptedException {
            boolean ended = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
            reader.join(10_000);
            return ended;
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + START.toNanos();
            while (!output.toString().contains("Datagraph is ready.")) {
                assertTrue(process.isAlive(), "./serve ended before it was ready:\n" + output);
                assertTrue(System.nanoTime() < deadline, "./serve not ready after " + START + ":\n" + output);
                Thread.sleep(200);
            }
        }

        /** Ctrl-C's SIGTERM sibling; waits for everything it started to stop. */
        int stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), "./serve did not stop:\n" + output);
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }

    private static String startMultiply(int httpPort) throws IOException, InterruptedException {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(api(httpPort, "/flows"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.body());
        assertTrue(id.find(), started.body());
        return id.group(1);
    }

    private static String outputs(int httpPort, String runId) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(api(httpPort, "/flows/" + runId + "/outputs/bar"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI api(int httpPort, String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/datagraph/api" + path);
    }

    /** Whether the server's configuration still names the application (WildFly: deployment marker; Payara: domain.xml). */
    private static boolean leftDeployed(String server, int offset) throws IOException {
        if (server.equals("wildfly")) {
            Path deployments = ROOT.resolve("datagraph-ear/target/serve-" + offset + "/deployments");
            try (var files = Files.list(deployments)) {
                return files.anyMatch(file -> file.getFileName().toString().startsWith("datagraph.ear"));
            }
        }
        Path domain = ROOT.resolve("datagraph-payara-it/target/payara6/glassfish/domains/serve-" + offset + "/config/domain.xml");
        return Files.readString(domain).contains("name=\"datagraph\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildfly", "payara"})
    void startsServesUnderLoadStopsCleanAndStartsAgain(String server) throws Exception {
        int offset = server.equals("wildfly") ? 1510 : 1610;
        int httpPort = 8080 + offset;
        // what a Redis 7 leaves behind in the folder it ran in: the bundled 6.2 binary cannot read it
        Path strayDump = ROOT.resolve("dump.rdb");
        boolean placedDump = !Files.exists(strayDump);
        if (placedDump) {
            Files.writeString(strayDump, "REDIS0010\u00fagarbage");
        }
        try {
            try (Serve first = new Serve(server, offset)) {
                first.awaitReady();
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicInteger started = new AtomicInteger();
                Thread load = new Thread(() -> {
                    while (loading.get()) {
                        try {
                            startMultiply(httpPort);
                            started.incrementAndGet();
                        } catch (IOException | AssertionError | InterruptedException stopping) {
                            // requests fail once the server stops: that is the point
                        }
                    }
                });
                load.start();
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (started.get() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(started.get() >= 20, "the server took " + started.get() + " flows in a minute");
                first.stop();
                loading.set(false);
                load.join(60_000);
                assertFalse(leftDeployed(server, offset), "the stopped server still has Datagraph deployed");
            }
            try (Serve second = new Serve(server, offset)) {
                second.awaitReady();
                assertEquals("[0,2,4]", outputs(httpPort, startMultiply(httpPort)));
                second.stop();
            }
        } finally {
            if (placedDump) {
                Files.deleteIfExists(strayDump);
            }
        }
    }

    @Test
    void aStoreThatCannotStartStopsServeWithItsLog() throws Exception {
        int offset = 1710;
        try (ServerSocket taken = new ServerSocket(6379 + offset, 1, InetAddress.getLoopbackAddress());
             Serve serve = new Serve("wildfly", offset)) {
            assertTrue(serve.awaitExit(Duration.ofMinutes(1)), "./serve went on without a store:\n" + serve.output);
            assertEquals(1, serve.process.exitValue(), serve.output.toString());
            assertTrue(serve.output.toString().contains("the store did not start on port " + (6379 + offset)), serve.output.toString());
            assertTrue(serve.output.toString().contains("Address already in use"), "the store's log was not shown:\n"
                    + serve.output);
        }
    }
}
