package io.datagraph.rest.warmup;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.run.DeploymentWarmUp;
import io.datagraph.rest.DatagraphApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ApplicationPath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls this server's own API at deployment, as a client would, once the engine has warmed up and the
 * deployment answers: two starts that do not resolve, one naming processors and one a declared flow (read,
 * parsed, refused with a problem document), then an engine {@linkplain DeploymentWarmUp#open throwaway run}
 * of {@code datagraph.node.warm-up-values} values read as Server-Sent Events and as JSON, and its state; then
 * the same five calls {@code datagraph.node.warm-up-runs} times over a small throwaway run, so that the JIT
 * compiler has compiled the code each request takes, not only the code each event takes. So the first
 * user's requests do not pay alone for the server's first JAX-RS requests, first event streams and their
 * compilation: measured on fresh servers ({@code RestBenchmark}, README "Benchmarks"). It starts no run a
 * user can see and leaves no key. It is a {@linkplain DeploymentWarmUp#join part} of the deployment warm-up, {@value #PART}, which
 * readiness waits for and reports. With access control on, it stops at the first answer, {@code 401}: it
 * has no credentials. Thread-safe.
 */
@ApplicationScoped
public class RestWarmUp {

    private static final Logger LOG = Logger.getLogger(RestWarmUp.class.getName());
    /** How long the deployment may take to answer once the warm-up is waiting for it. */
    private static final Duration DEPLOYMENT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(25);

    @Inject
    DeploymentWarmUp engine;

    @Inject
    EngineConfig config;

    @Inject
    ManagedThreads threads;

    /** Its name among the warm-up's parts, as readiness reports it. */
    public static final String PART = "rest";

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (context.getClassLoader() != RestWarmUp.class.getClassLoader()) {
            return; // another web module of the same application
        }
        DeploymentWarmUp.Part part = engine.join(PART);
        long values = config.node().warmUpValues();
        String path = context.getContextPath() + "/" + DatagraphApi.class.getAnnotation(ApplicationPath.class).value();
        Optional<URI> api = ApiAddress.find(config.rest().warmUpUrl(), path);
        if (values == 0 || api.isEmpty()) {
            part.end(values == 0 ? "off (datagraph.node.warm-up-values=0)" : "off: this server does not say where it"
                    + " listens; set datagraph.rest.warm-up-url to the API's URL (e.g. http://127.0.0.1:8080" + path + ")");
            return;
        }
        threads.newThread("datagraph REST warm-up", () -> {
            long started = System.nanoTime();
            try {
                String result = warmUp(api.get(), values, part) + " in " + (System.nanoTime() - started) / 1_000_000 + " ms";
                part.end(result);
                LOG.info(() -> "the REST layer warmed up: " + result);
            } catch (IOException | RuntimeException e) {
                part.end("did not complete (the first requests will be slower): " + e);
                LOG.log(Level.INFO, "the REST layer's warm-up over " + api.get() + " did not complete (the first requests"
                        + " will be slower)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                part.end("interrupted");
            }
        }).start();
    }

    private String warmUp(URI api, long values, DeploymentWarmUp.Part part) throws IOException, InterruptedException {
        part.report("waiting for the engine's warm-up");
        if (!engine.awaitDone(DEPLOYMENT_TIMEOUT)) {
            return "skipped: the engine's warm-up did not end within " + DEPLOYMENT_TIMEOUT.toSeconds() + " s";
        }
        // HTTP/1.1, as most clients speak it; the client's threads from the ManagedThreadFactory, not its own
        ExecutorService pool = threads.newCachedPool("datagraph-warm-up-http");
        try {
            return callTheApi(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                    .connectTimeout(Duration.ofSeconds(5)).build(), api, values, part);
        } finally {
            pool.shutdownNow();
        }
    }

    private String callTheApi(HttpClient http, URI api, long values, DeploymentWarmUp.Part part)
            throws IOException, InterruptedException {
        part.report("waiting for " + api + " to answer");
        int status = awaitDeployment(http, api);
        if (status == 401 || status == 403) {
            return "stopped at authentication (access control is on; the warm-up has no credentials): "
                    + "GET /processors answered " + status;
        }
        part.report("calling " + api);
        long events;
        try (DeploymentWarmUp.ThrowawayRun run = engine.open(values)) {
            events = callOver(http, api, run);
        }
        int times = 0;
        try (DeploymentWarmUp.ThrowawayRun run = engine.open(DeploymentWarmUp.SMALL_RUN_VALUES)) {
            for (; times < config.node().warmUpRuns(); times++) {
                callOver(http, api, run);
            }
        }
        return "called " + api + " 6 times, " + events + " events, then " + 5 * times + " times more over a run of "
                + DeploymentWarmUp.SMALL_RUN_VALUES + " values,";
    }

    /**
     * Five calls: two starts that do not resolve (one naming processors, one a declared flow: each parses
     * the body and its inputs as a start does), then the throwaway run read as events, as JSON, and its
     * state. How many events came.
     */
    private static long callOver(HttpClient http, URI api, DeploymentWarmUp.ThrowawayRun run) throws IOException, InterruptedException {
        refusedStart(http, api, "{\"processors\":[\"datagraph-warm-up\"],\"inputs\":{\"x\":[1]}}", "naming no processor");
        refusedStart(http, api, "{\"flow\":\"datagraph-warm-up\",\"inputs\":{\"x\":[1]}}", "naming no declared flow");
        String output = "/flows/" + run.id() + "/outputs/" + run.stream();
        long events = events(http, api, output);
        if (events != run.values()) {
            throw new IllegalStateException("GET " + output + " as events gave " + events + " of " + run.values() + " values");
        }
        expect(200, http.send(json(api, output).GET().build(), HttpResponse.BodyHandlers.discarding()), "GET " + output);
        expect(200, http.send(json(api, "/flows/" + run.id()).GET().build(), HttpResponse.BodyHandlers.discarding()),
                "GET /flows/" + run.id());
        return events;
    }

    /** A start with {@code body}, which must be refused with {@code 422} (it names what does not exist). */
    private static void refusedStart(HttpClient http, URI api, String body, String what) throws IOException, InterruptedException {
        expect(422, http.send(json(api, "/flows").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()), "POST /flows " + what);
    }

    /** Waits until the API answers (the deployment is complete); its status, 200 or an authentication refusal. */
    private static int awaitDeployment(HttpClient http, URI api) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEPLOYMENT_TIMEOUT.toNanos();
        while (true) {
            try {
                int status = http.send(json(api, "/processors").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401 || status == 403) {
                    return status;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("GET " + api + "/processors still answered " + status + " after "
                            + DEPLOYMENT_TIMEOUT.toSeconds() + " s");
                }
            } catch (java.net.ConnectException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
            }
            Thread.sleep(POLL.toMillis()); // the deployment's completion has no event a module can observe
        }
    }

    /** Reads a stream's events to its end: how many values came. */
    private static long events(HttpClient http, URI api, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Accept", "text/event-stream").timeout(DEPLOYMENT_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " as events answered " + response.statusCode());
            }
            long values = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    values++;
                } else if (line.startsWith("event:")) {
                    return values;
                }
            }
            throw new IOException("GET " + path + " as events ended before its complete event");
        }
    }

    private static HttpRequest.Builder json(URI api, String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Accept", "application/json").timeout(DEPLOYMENT_TIMEOUT);
    }

    private static void expect(int status, HttpResponse<?> response, String call) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(call + " answered " + response.statusCode() + ", not " + status);
        }
    }
}
