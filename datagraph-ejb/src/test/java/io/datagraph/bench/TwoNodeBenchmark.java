package io.datagraph.bench;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.testing.EngineNode;
import io.datagraph.test.RedisServer;
import org.jboss.weld.environment.se.WeldContainer;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * range → square → sum over N values (default 1,000,000) with {@code square} on a second node (its own
 * JVM) and range and sum here, beside the same flow with all three here. Engine defaults, local Redis.
 *
 * <pre>./benchmark nodes [values] [rounds]</pre>
 */
public final class TwoNodeBenchmark {

    private TwoNodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long expected = LongStream.range(0, values).map(x -> x * x).sum();
        try (RedisServer redis = RedisServer.start()) {
            EngineDefaults.apply(redis.url());
            System.out.printf("range → square → sum over %,d values, %d cores, Redis on this machine%n", values,
                    Runtime.getRuntime().availableProcessors());
            measure("one node (all three here)", values, rounds, expected);
            try (EngineNode squareNode = EngineNode.start("square-node", "square", EngineDefaults.with(redis.url()))) {
                System.setProperty("datagraph.processors.enabled", "range,sum");
                measure("two nodes (square on another JVM)", values, rounds, expected);
            }
        }
    }

    private static void measure(String setup, int values, int rounds, long expected) {
        try (WeldContainer container = EngineDefaults.engine()) {
            Datagraph datagraph = container.select(Datagraph.class).get();
            for (int round = 1; round <= rounds; round++) {
                long started = System.nanoTime();
                Run run = datagraph.start("squares", Map.of("count", List.of(values)));
                List<Long> total = run.<Long>io("total", Long.class).stream().toList();
                double seconds = (System.nanoTime() - started) / 1e9;
                if (!total.equals(List.of(expected))) {
                    throw new IllegalStateException("wrong total " + total);
                }
                System.out.printf("%s, round %d: %,.0f values/s (%.2f s)%n", setup, round, values / seconds, seconds);
            }
        }
    }
}
