package io.datagraph.bench;

import io.datagraph.Datagraph;
import io.datagraph.testing.ProcessCpu;
import io.datagraph.testing.StoreProbe;
import io.datagraph.test.RedisServer;
import org.jboss.weld.environment.se.WeldContainer;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;

/**
 * The engine beside the same pipeline written by hand: range → square → sum as three threads on
 * Redisson, each stage's values in entries of 1,024 (XADD), read with blocking XREAD, no framework;
 * then the engine's {@code squares} flow on the same store. Each round runs both, alternately; prints
 * every round, then the engine's share of the baseline three ways: cold (round 1), warming (the median
 * of the rounds before the second half) and warm (the median of the second half, once the JIT, which
 * shares the two cores, has compiled both paths: the engine has far more code to compile). Uses the
 * store at {@code $DATAGRAPH_REDIS_URL}, or starts a local Redis server.
 *
 * <pre>./benchmark baseline [values=1000000] [rounds=10] [values per hand-written entry=1024]</pre>
 */
public final class BaselineBenchmark {

    /** Values per hand-written entry: 1,024 as issue 13 defines the baseline, or the third argument. */
    private static int perEntry = 1024;
    private static final String END = "end";

    private BaselineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        perEntry = args.length > 2 ? Integer.parseInt(args[2]) : perEntry;
        RedisServer local = EngineDefaults.applyToConfiguredStore();
        System.out.printf("range → square → sum over %,d values, store %s, %d cores, Java %s; by hand %,d values per"
                        + " entry, the engine up to %s%n", values, System.getProperty("datagraph.redis.url"),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), perEntry,
                System.getProperty("datagraph.emit.batch"));
        Config config = new Config();
        config.useSingleServer().setAddress(System.getProperty("datagraph.redis.url"));
        RedissonClient redisson = Redisson.create(config);
        ExecutorService stages = Executors.newFixedThreadPool(3);
        try (WeldContainer container = EngineDefaults.engine()) {
            Datagraph datagraph = container.select(Datagraph.class).get();
            long storePid = Long.parseLong(new StoreProbe(java.net.URI.create(System.getProperty("datagraph.redis.url")))
                    .info("process_id"));
            double[] baseline = new double[rounds];
            double[] engine = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                double jvm0 = ProcessCpu.self();
                double store0 = ProcessCpu.of(storePid);
                baseline[round] = byHand(redisson, stages, values);
                double jvm1 = ProcessCpu.self();
                double store1 = ProcessCpu.of(storePid);
                engine[round] = SquaresBenchmark.round(datagraph, values).valuesPerSecond();
                double jvm2 = ProcessCpu.self();
                double store2 = ProcessCpu.of(storePid);
                System.out.printf("round %d: by hand on Redisson %,.0f values/s (CPU s: JVM %.2f, store %.2f),"
                                + " engine %,.0f values/s (CPU s: JVM %.2f, store %.2f): %.2f%n", round + 1, baseline[round],
                        jvm1 - jvm0, store1 - store0, engine[round], jvm2 - jvm1, store2 - store1,
                        engine[round] / baseline[round]);
            }
            int half = rounds / 2 + 1;
            report("cold (round 1)", baseline[0], engine[0]);
            if (half > 2) {
                report("warming (median of rounds 2–" + (half - 1) + ")", median(baseline, 1, half - 1),
                        median(engine, 1, half - 1));
            }
            report("warm (median of rounds " + half + "–" + rounds + ")", median(baseline, half - 1, rounds),
                    median(engine, half - 1, rounds));
        } finally {
            stages.shutdownNow();
            redisson.shutdown();
            if (local != null) {
                local.close();
            }
        }
    }

    /** Runs the hand-written pipeline once; answers its values/s end to end. */
    private static double byHand(RedissonClient redisson, ExecutorService stages, int values) throws Exception {
        String prefix = "baseline:" + UUID.randomUUID();
        RStream<String, String> numbers = redisson.getStream(prefix + ":numbers", StringCodec.INSTANCE);
        RStream<String, String> squares = redisson.getStream(prefix + ":squares", StringCodec.INSTANCE);
        long expected = LongStream.range(0, values).map(x -> x * x).sum();
        long started = System.nanoTime();
        Future<?> range = stages.submit(() -> {
            long[] batch = new long[perEntry];
            int filled = 0;
            for (long i = 0; i < values; i++) {
                batch[filled++] = i;
                if (filled == perEntry) {
                    add(numbers, batch, filled);
                    filled = 0;
                }
            }
            add(numbers, batch, filled);
            numbers.add(StreamAddArgs.entry(END, "1"));
        });
        Future<?> square = stages.submit(() -> transform(numbers, squares, x -> x * x));
        CompletableFuture<Long> sum = new CompletableFuture<>();
        stages.submit(() -> {
            long[] total = {0};
            forEachValue(squares, value -> total[0] += value);
            sum.complete(total[0]);
        });
        long total = sum.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        range.get();
        square.get();
        if (total != expected) {
            throw new IllegalStateException("the baseline summed " + total + ", not " + expected);
        }
        redisson.getKeys().delete(numbers.getName(), squares.getName());
        return values / seconds;
    }

    private static void transform(RStream<String, String> in, RStream<String, String> out, LongUnaryOperator f) {
        long[] batch = new long[perEntry];
        int[] filled = {0};
        forEachValue(in, value -> {
            batch[filled[0]++] = f.applyAsLong(value);
            if (filled[0] == perEntry) {
                add(out, batch, filled[0]);
                filled[0] = 0;
            }
        });
        add(out, batch, filled[0]);
        out.add(StreamAddArgs.entry(END, "1"));
    }

    /** Reads a stream to its end marker with blocking XREAD, 32 entries at a time. */
    private static void forEachValue(RStream<String, String> stream, java.util.function.LongConsumer each) {
        StreamMessageId last = new StreamMessageId(0, 0);
        while (true) {
            Map<StreamMessageId, Map<String, String>> entries = stream.read(
                    StreamReadArgs.greaterThan(last).count(32).timeout(Duration.ofSeconds(5)));
            if (entries == null) {
                continue;
            }
            for (Map.Entry<StreamMessageId, Map<String, String>> entry : entries.entrySet()) {
                last = entry.getKey();
                if (entry.getValue().containsKey(END)) {
                    return;
                }
                for (String value : entry.getValue().get("v").split("\n")) {
                    each.accept(Long.parseLong(value));
                }
            }
        }
    }

    /** One entry holding the values, newline-separated (as the engine's entries hold them). */
    private static void add(RStream<String, String> stream, long[] batch, int count) {
        if (count == 0) {
            return;
        }
        StringBuilder payload = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                payload.append('\n');
            }
            payload.append(batch[i]);
        }
        stream.add(StreamAddArgs.entries(Map.of("n", Integer.toString(count), "v", payload.toString())));
    }

    private static void report(String which, double byHand, double engine) {
        System.out.printf("%s: by hand %,.0f values/s, engine %,.0f values/s: the engine at %.0f%% of the baseline%n",
                which, byHand, engine, 100 * engine / byHand);
    }

    /** The median of {@code rounds[from..to)}. */
    private static double median(double[] rounds, int from, int to) {
        double[] chosen = Arrays.copyOfRange(rounds, from, to);
        Arrays.sort(chosen);
        int n = chosen.length;
        return n % 2 == 1 ? chosen[n / 2] : (chosen[n / 2 - 1] + chosen[n / 2]) / 2;
    }
}
