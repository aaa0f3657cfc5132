package io.datagraph.bench;


import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.test.RedisServer;
import org.jboss.weld.environment.se.WeldContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Streams range → square → sum over N values (default 1,000,000) through Redis and prints, per
 * round, the end-to-end rate and the time from start to the first value of {@code squares}.
 * Uses the store at {@code $DATAGRAPH_REDIS_URL}, or starts a local Redis server.
 *
 * <pre>./benchmark [values] [rounds]</pre>
 */
public final class SquaresBenchmark {

    private SquaresBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        RedisServer local = EngineDefaults.applyToConfiguredStore();
        System.out.printf("range → square → sum over %,d values, store %s, %d cores, Java %s%n", values,
                System.getProperty("datagraph.redis.url"), Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        try (WeldContainer container = EngineDefaults.engine()) {
            Datagraph datagraph = container.select(Datagraph.class).get();
            for (int round = 1; round <= rounds; round++) {
                Round result = round(datagraph, values);
                System.out.printf("round %d: %,.0f values/s end to end (%.2f s), first square after %.1f ms"
                                + " (start() returned after %.1f ms)%n", round, result.valuesPerSecond(),
                        values / result.valuesPerSecond(), result.firstValueMillis(), result.startMillis());
            }
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /** One run of range → square → sum: its rate end to end, when its first square arrived, when start() returned. */
    record Round(double valuesPerSecond, double firstValueMillis, double startMillis) {
    }

    /** Runs the {@code squares} flow once over {@code values} values and checks its total. */
    static Round round(Datagraph datagraph, int values) throws Exception {
        long expected = LongStream.range(0, values).map(x -> x * x).sum();
        long started = System.nanoTime();
        Run run = datagraph.start("squares", Map.of("count", List.of(values)));
        long startReturned = System.nanoTime();
        CompletableFuture<Long> firstSquare = CompletableFuture.supplyAsync(() -> {
            run.io("squares", Long.class).first();
            return System.nanoTime();
        });
        List<Long> total = run.<Long>io("total", Long.class).stream().toList();
        long finished = System.nanoTime();
        if (!total.equals(List.of(expected)) || run.await(Duration.ofSeconds(10)) != RunStatus.COMPLETED) {
            throw new IllegalStateException("wrong result " + total + " (expected " + expected + ")");
        }
        return new Round(values / ((finished - started) / 1e9), (firstSquare.get(1, TimeUnit.MINUTES) - started) / 1e6,
                (startReturned - started) / 1e6);
    }
}
