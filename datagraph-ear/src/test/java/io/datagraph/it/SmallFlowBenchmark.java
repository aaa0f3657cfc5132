package io.datagraph.it;

import io.datagraph.testing.ProcessCpu;
import io.datagraph.testing.StoreProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Benchmarks small flows, one per request, against a running server ({@code ./serve}): 1, 8 and 32
 * clients each start a flow and read its output as JSON, again and again. Prints per round flows/s,
 * p50 and p99, and CPU seconds per flow of client, server (and of that, the server's JIT compiler
 * threads) and store; then the median of the rounds beside the HTTP ceiling measured in the same run (a static page's requests/s, halved: a
 * flow is two requests); then the store commands and script calls one flow costs, counted with
 * {@code MONITOR} over flows run one at a time, less the node's background commands in an equal
 * idle interval. Before its rounds, each load runs at 32 clients in slices of a round's length until the
 * server's JIT compiler takes less than a tenth of the server's CPU in a slice: a server started just before
 * spends half its CPU compiling for tens of seconds, and that is the cold start ({@code ./benchmark rest}
 * measures it), not the cost of a flow.
 *
 * <pre>./benchmark small [rounds=3] [seconds per round=5]</pre>
 *
 * Server: {@code -Ddatagraph.it.http} (default http://127.0.0.1:8080); its store:
 * {@code -Ddatagraph.it.redis} (default redis://127.0.0.1:6379).
 */
public final class SmallFlowBenchmark {

    private static final String ROOT = System.getProperty("datagraph.it.http", "http://127.0.0.1:8080");
    private static final URI STORE = URI.create(System.getProperty("datagraph.it.redis", "redis://127.0.0.1:6379"));
    private static final int[] CLIENTS = {1, 8, 32};
    /** The warm-up ends once the server's JIT compiler takes less than this share of its CPU in a slice... */
    private static final double COMPILING_SHARE = 0.10;
    /** ...or after this many slices. */
    private static final int MAX_WARM_UP_SLICES = 12;

    /** A small flow: the request that starts it and the output read back. */
    private record Shape(String name, String start, String output, String expected) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("multiply", "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}", "bar", "[0,2,4]"),
            new Shape("range → square → sum (10)", "{\"flow\":\"squares\",\"inputs\":{\"count\":[10]}}", "total", "[285]"));

    /**
     * One timed interval: what was done, how fast, and what it cost; {@code errors} requests that got no
     * answer (a timeout, a broken connection), the first of them in {@code firstError}.
     */
    private record Round(int operations, double seconds, long[] latencies, double clientCpu, double serverCpu,
                         double serverJitCpu, double storeCpu, int errors, String firstError) {

        double rate() {
            return operations / seconds;
        }

        double percentileMillis(double p) {
            return latencies[Math.min(latencies.length - 1, (int) Math.floor(p * latencies.length))] / 1e6;
        }

        String describe(String unit) {
            return String.format("%,8.0f %s/s   p50 %6.1f ms   p99 %6.1f ms   CPU ms per %s: client %.2f, server %.2f"
                            + " (JIT compiler %.2f), store %.2f",
                    rate(), unit, percentileMillis(0.5), percentileMillis(0.99), unit.replace("flows", "flow")
                            .replace("requests", "request"), 1000 * clientCpu / operations, 1000 * serverCpu / operations,
                    1000 * serverJitCpu / operations, 1000 * storeCpu / operations) + (errors == 0 ? ""
                    : String.format("   %d requests unanswered (first: %s)", errors, firstError));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final long serverPid;
    private final long storePid;
    private final StoreProbe store = new StoreProbe(STORE);

    private SmallFlowBenchmark() {
        serverPid = ProcessCpu.listeningOn(URI.create(ROOT).getPort()).orElse(-1);
        storePid = Long.parseLong(store.info("process_id"));
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        new SmallFlowBenchmark().run(rounds, seconds);
    }

    private void run(int rounds, double seconds) throws Exception {
        HttpResponse<String> probe = get(ROOT + "/datagraph/");
        System.out.printf("server %s (%s, pid %d), store %s (pid %d); %d cores, client JDK %s; %d rounds of %.0f s%n",
                ROOT, probe.headers().firstValue("Server").orElse("?"), serverPid, STORE, storePid,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), rounds, seconds);
        Map<String, Round> medians = new java.util.LinkedHashMap<>();
        warmUp("static page", seconds, () -> expect(get(ROOT + "/datagraph/"), 200, null));
        for (Shape shape : SHAPES) {
            warmUp(shape.name(), seconds, () -> flow(shape));
        }
        medians.put("static page, 32 clients", rounds("static page (GET /datagraph/), 32 clients", "requests", 32,
                rounds, seconds, () -> expect(get(ROOT + "/datagraph/"), 200, null)));
        for (Shape shape : SHAPES) {
            for (int clients : CLIENTS) {
                medians.put(shape.name() + ", " + clients + " clients",
                        rounds(shape.name() + ", " + clients + " clients", "flows", clients, rounds, seconds, () -> flow(shape)));
            }
        }
        double ceiling = medians.get("static page, 32 clients").rate() / 2;
        System.out.printf("%nmedian of the rounds (the HTTP ceiling is half the static page's requests/s at 32 clients:"
                + " %,.0f flows/s)%n", ceiling);
        medians.forEach((name, round) -> System.out.printf("  %-42s %s%s%n", name,
                round.describe(name.startsWith("static") ? "requests" : "flows"),
                name.startsWith("static") ? "" : String.format("   %.0f%% of ceiling", 100 * round.rate() / ceiling)));
        for (Shape shape : SHAPES) {
            countStoreCommands(shape);
        }
    }

    /**
     * Runs a load at 32 clients in slices of {@code seconds} until the server's JIT compiler takes less than
     * {@link #COMPILING_SHARE} of the server's CPU in one, or for {@link #MAX_WARM_UP_SLICES} slices; prints each.
     */
    private void warmUp(String name, double seconds, Runnable operation) throws InterruptedException {
        System.out.printf("%nwarm-up: %s, 32 clients, until the JIT compiler takes under %.0f%% of the server's CPU%n", name,
                100 * COMPILING_SHARE);
        for (int slice = 1; slice <= MAX_WARM_UP_SLICES; slice++) {
            Round result = load(32, seconds, operation);
            System.out.printf("  slice %d: %s%n", slice, result.describe(name.startsWith("static") ? "requests" : "flows"));
            if (result.serverJitCpu() < COMPILING_SHARE * result.serverCpu()) {
                return;
            }
        }
        System.out.printf("  still compiling after %d slices: the rounds below include it%n", MAX_WARM_UP_SLICES);
    }

    /** Runs rounds of one load; prints each and answers the median by rate. */
    private Round rounds(String name, String unit, int clients, int rounds, double seconds, Runnable operation)
            throws InterruptedException {
        System.out.printf("%n%s%n", name);
        List<Round> done = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Round result = load(clients, seconds, operation);
            System.out.printf("  round %d: %s%n", round, result.describe(unit));
            done.add(result);
        }
        done.sort((a, b) -> Double.compare(a.rate(), b.rate()));
        return done.get(done.size() / 2);
    }

    /** {@code clients} threads repeat the operation for {@code seconds}. */
    private Round load(int clients, double seconds, Runnable operation) throws InterruptedException {
        long[][] latencies = new long[clients][];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // a request without an answer is counted and reported, not fatal: one lost request must not lose the run's
        // figures; a wrong answer still ends the benchmark
        AtomicInteger unanswered = new AtomicInteger();
        AtomicReference<String> firstUnanswered = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        long[] end = new long[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                long[] mine = new long[1024];
                int count = 0;
                ready.countDown();
                try {
                    go.await();
                    while (System.nanoTime() < end[0] && failure.get() == null) {
                        long started = System.nanoTime();
                        try {
                            operation.run();
                        } catch (UncheckedIOException noAnswer) {
                            unanswered.incrementAndGet();
                            firstUnanswered.compareAndSet(null, String.valueOf(noAnswer.getCause()));
                            continue;
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - started;
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                latencies[client] = Arrays.copyOf(mine, count);
            }, "client " + c);
            threads[c].start();
        }
        ready.await();
        double client0 = ProcessCpu.self();
        double server0 = ProcessCpu.of(serverPid);
        double serverJit0 = ProcessCpu.jitCompilerOf(serverPid);
        double store0 = ProcessCpu.of(storePid);
        long started = System.nanoTime();
        end[0] = started + (long) (seconds * 1e9);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed: " + failure.get(), failure.get());
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Round(all.length, elapsed, all, ProcessCpu.self() - client0, ProcessCpu.of(serverPid) - server0,
                ProcessCpu.jitCompilerOf(serverPid) - serverJit0, ProcessCpu.of(storePid) - store0, unanswered.get(),
                firstUnanswered.get());
    }

    /** Starts one small flow and reads its output. */
    private void flow(Shape shape) {
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(ROOT + "/datagraph/api/flows"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(shape.start())));
        expect(started, 201, null);
        String location = started.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("a start answered no Location"));
        expect(send(HttpRequest.newBuilder(URI.create(location + "/outputs/" + shape.output()))
                .header("Accept", "application/json").GET()), 200, shape.expected());
    }

    /**
     * Counts what one flow costs the store: {@code MONITOR} over flows run one after another, less the
     * node's background commands (heartbeats, dispatch polls) seen over an idle interval as long. The
     * quieter of two idle intervals, one before the flows and one after, is subtracted: either may still
     * hold the tail of earlier work (the runs of the load before, these flows' own releases), which is
     * not background, and subtracting it printed fewer round trips than script calls.
     */
    private void countStoreCommands(Shape shape) {
        int flows = 50;
        long[] busy = new long[1];
        flow(shape);
        long interval = timed(() -> flow(shape)) * flows;
        List<String> before = store.monitor(() -> pause(interval));
        List<String> during = store.monitor(() -> busy[0] = timed(() -> {
            for (int i = 0; i < flows; i++) {
                flow(shape);
            }
        }));
        List<String> after = store.monitor(() -> pause(busy[0]));
        List<String> idle = before.size() <= after.size() ? before : after;
        Map<String, Long> perCommand = new TreeMap<>();
        count(during).forEach((command, n) -> perCommand.merge(command, n, Long::sum));
        // as many background commands as an interval of the flows' length holds, scaled from the idle one's
        double scale = busy[0] / (double) Math.max(1, idle == before ? interval : busy[0]);
        count(idle).forEach((command, n) -> perCommand.merge(command, -Math.round(n * scale), Long::sum));
        long roundTrips = perCommand.entrySet().stream().filter(e -> !e.getKey().startsWith("(script) "))
                .mapToLong(Map.Entry::getValue).sum();
        long scripts = perCommand.entrySet().stream().filter(e -> e.getKey().startsWith("EVAL") || e.getKey().startsWith("FCALL"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("%nstore commands per flow, %s (MONITOR over %d flows one at a time, less the background"
                + " commands of the quieter idle interval, %d before, %d after):%n  %.1f round trips, of which %.1f"
                + " script calls; by command: %s%n",
                shape.name(), flows, before.size(), after.size(), roundTrips / (double) flows, scripts / (double) flows,
                perCommand.entrySet().stream().filter(e -> e.getValue() != 0)
                        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / (double) flows))
                        .collect(Collectors.joining(", ")));
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    /** Commands by name; those a script ran are prefixed {@code (script)}. */
    private static Map<String, Long> count(List<String> monitored) {
        return monitored.stream().map(SmallFlowBenchmark::commandOf)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    /** {@code 1700000000.123 [0 127.0.0.1:5000] "HGET" "k" "f"} → {@code HGET}; {@code [0 lua]} marks a script's command. */
    private static String commandOf(String line) {
        int quote = line.indexOf('"');
        int close = line.indexOf('"', quote + 1);
        String command = quote < 0 || close < 0 ? line : line.substring(quote + 1, close).toUpperCase();
        return line.contains(" lua]") ? "(script) " + command : command;
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String body) {
        if (response.statusCode() != status || (body != null && !body.equals(response.body().strip()))) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body() + (body != null ? " (expected " + body + ")" : ""));
        }
    }
}
