package io.datagraph.it;

import java.util.List;

/**
 * Benchmarks the deployed server (e.g. {@code ./serve}) over HTTP: range → square → sum over N
 * values (default 1,000,000) started with {@code POST /flows} and followed over SSE, and the SSE
 * delivery rate of one client reading N events. Server: {@code -Ddatagraph.it.http} (default
 * http://127.0.0.1:8080).
 *
 * <pre>./benchmark rest [values] [rounds]</pre>
 */
public final class RestBenchmark {

    private RestBenchmark() {
    }

    public static void main(String[] args) {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("against %s, %,d values, %d cores%n", Api.BASE, values, Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            String run = Api.start("{\"flow\":\"squares\",\"inputs\":{\"count\":[" + values + "]}}");
            List<Api.Event> total = Api.follow(run, "total", null, Integer.MAX_VALUE);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!total.get(total.size() - 1).name().equals("complete")) {
                throw new IllegalStateException("run " + run + " ended with " + total);
            }
            long sseStarted = System.nanoTime();
            List<Api.Event> numbers = Api.follow(run, "numbers", null, Integer.MAX_VALUE);
            double sseSeconds = (System.nanoTime() - sseStarted) / 1e9;
            System.out.printf("round %d: REST+SSE range → square → sum %,.0f values/s (%.2f s, total %s);"
                            + " SSE to one client %,.0f events/s (%,d events in %.2f s)%n", round, values / seconds,
                    seconds, total.get(0).data(), (numbers.size() - 1) / sseSeconds, numbers.size() - 1, sseSeconds);
        }
    }
}
