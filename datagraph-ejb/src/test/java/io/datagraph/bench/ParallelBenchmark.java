package io.datagraph.bench;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineNode;
import io.datagraph.test.RedisServer;
import org.jboss.weld.environment.se.WeldContainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Values through a 20 ms element-wise step ({@code pause}): 2,000 at concurrency 1, 20,000 at 8 and 32 on
 * one node, then 32 per node on two and three nodes (extra JVMs on this machine); prints values/s and
 * efficiency = values/s ÷ (workers × 50), the median of the rounds. Then range → square → sum with the
 * stream {@code square} against the element-wise {@code squareEach} at concurrency 1. Engine defaults,
 * a Redis started here.
 *
 * <pre>./benchmark parallel [rounds=3] [squares]</pre> ({@code squares}: only the stream against element-wise square)
 */
public final class ParallelBenchmark {

    private ParallelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean squaresOnly = args.length > 1 && args[1].equals("squares");
        try (RedisServer redis = RedisServer.start()) {
            EngineDefaults.apply(redis.url());
            System.out.printf("a 20 ms element-wise step, %d cores, Redis and every node on this machine, median of %d rounds%n",
                    Runtime.getRuntime().availableProcessors(), rounds);
            try (WeldContainer container = EngineDefaults.engine()) {
                Datagraph datagraph = container.select(Datagraph.class).get();
                if (squaresOnly) {
                    squares(datagraph, 1_000_000, rounds);
                    return;
                }
                step(datagraph, 1, 1, 2_000, rounds);
                step(datagraph, 1, 8, 20_000, rounds);
                step(datagraph, 1, 32, 20_000, rounds);
                List<EngineNode> others = new ArrayList<>();
                try {
                    for (int nodes = 2; nodes <= 3; nodes++) {
                        others.add(EngineNode.start("bench-node-" + nodes, "pause", EngineDefaults.with(redis.url())));
                        step(datagraph, nodes, 32, 20_000, rounds);
                    }
                } finally {
                    others.forEach(EngineNode::close);
                }
                squares(datagraph, 1_000_000, rounds);
            }
        }
    }

    private static void step(Datagraph datagraph, int nodes, int concurrency, int values, int rounds) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            Run run = datagraph.start(RunRequest.of(Flow.of("pause")).concurrency("pause", concurrency)
                    .inputs(Map.of("work", IntStream.range(0, values).boxed().toList())));
            long count = run.<Integer>io("done", Integer.class).stream().count();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (count != values) {
                throw new IllegalStateException(count + " results for " + values + " values");
            }
            rates.add(values / seconds);
        }
        double median = median(rates);
        int workers = nodes * concurrency;
        System.out.printf("%d node(s) × %2d workers = %3d: %,8.0f values/s, efficiency %.2f  (rounds: %s)%n", nodes,
                concurrency, workers, median, median / (workers * 50.0), rounds(rates));
    }

    private static void squares(Datagraph datagraph, int values, int rounds) {
        long expected = LongStream.range(0, values).map(x -> x * x).sum();
        for (String square : List.of("square", "squareEach")) {
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= rounds + 1; round++) {
                long started = System.nanoTime();
                Run run = datagraph.start(RunRequest.of(Flow.of("range", square, "sum")).input("count", values));
                List<Long> total = run.<Long>io("total", Long.class).stream().toList();
                double seconds = (System.nanoTime() - started) / 1e9;
                if (!total.equals(List.of(expected))) {
                    throw new IllegalStateException("wrong total " + total);
                }
                if (round > 1) {
                    rates.add(values / seconds);
                }
            }
            System.out.printf("range → %s → sum over %,d values: %,.0f values/s warm  (rounds: %s)%n", square, values,
                    median(rates), rounds(rates));
        }
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String rounds(List<Double> rates) {
        return rates.stream().map(r -> String.format("%,.0f", r)).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
