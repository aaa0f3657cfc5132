package io.datagraph.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Benchmarks the deployed server (e.g. {@code ./serve}) over HTTP: range → square → sum over N
 * values (default 1,000,000) started with {@code POST /flows} and followed over SSE, with the
 * latency from the start to the first value of {@code numbers} arriving over SSE; and the SSE
 * delivery rate of one client reading N events. Prints every round, then round 1 (cold, when the
 * server was just started) beside the median of the others (warm), and their ratio. Before round 1 the
 * client warms its own code, the same calls against a stand-in API in this JVM ({@link ClientWarmUp}), so
 * that the cold round measures the server's first run rather than this JVM's first requests. Server:
 * {@code -Ddatagraph.it.http} (default http://127.0.0.1:8080).
 *
 * <pre>./benchmark rest [values] [rounds]</pre>
 */
public final class RestBenchmark {

    private RestBenchmark() {
    }

    /** One round; {@code startMillis} is when the start answered, part of {@code firstValueMillis}. */
    private record Round(double valuesPerSecond, double firstValueMillis, double startMillis, double eventsPerSecond) {
    }

    public static void main(String[] args) {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("against %s, %,d values, %d cores, client JDK %s%n", Api.BASE, values,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        ClientWarmUp.run(20, 100_000);
        List<Round> done = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            String run = Api.start("{\"flow\":\"squares\",\"inputs\":{\"count\":[" + values + "]}}");
            double startAnswered = (System.nanoTime() - started) / 1e6;
            Api.follow(run, "numbers", null, 1);
            double firstValue = (System.nanoTime() - started) / 1e6;
            List<Api.Event> total = Api.follow(run, "total", null, Integer.MAX_VALUE);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!total.get(total.size() - 1).name().equals("complete")) {
                throw new IllegalStateException("run " + run + " ended with " + total);
            }
            long sseStarted = System.nanoTime();
            List<Api.Event> numbers = Api.follow(run, "numbers", null, Integer.MAX_VALUE);
            double sseSeconds = (System.nanoTime() - sseStarted) / 1e9;
            Round result = new Round(values / seconds, firstValue, startAnswered, (numbers.size() - 1) / sseSeconds);
            done.add(result);
            System.out.printf("round %d: REST+SSE range → square → sum %,.0f values/s (%.2f s, total %s), first value"
                            + " after %.1f ms (the start answered after %.1f ms); SSE to one client %,.0f events/s (%,d events in %.2f s)%n", round,
                    result.valuesPerSecond(), seconds, total.get(0).data(), firstValue, startAnswered, result.eventsPerSecond(),
                    numbers.size() - 1, sseSeconds);
        }
        if (done.size() > 1) {
            Round cold = done.get(0);
            List<Round> warm = done.subList(1, done.size());
            double warmRate = median(warm.stream().mapToDouble(Round::valuesPerSecond).toArray());
            double warmFirst = median(warm.stream().mapToDouble(Round::firstValueMillis).toArray());
            double warmStart = median(warm.stream().mapToDouble(Round::startMillis).toArray());
            double warmSse = median(warm.stream().mapToDouble(Round::eventsPerSecond).toArray());
            System.out.printf("cold (round 1): %,.0f values/s, first value %.1f ms (start %.1f ms), SSE %,.0f events/s%n",
                    cold.valuesPerSecond(), cold.firstValueMillis(), cold.startMillis(), cold.eventsPerSecond());
            System.out.printf("warm (median of rounds 2–%d): %,.0f values/s, first value %.1f ms (start %.1f ms), SSE %,.0f events/s%n",
                    done.size(), warmRate, warmFirst, warmStart, warmSse);
            System.out.printf("cold ÷ warm: %.2f%n", cold.valuesPerSecond() / warmRate);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
