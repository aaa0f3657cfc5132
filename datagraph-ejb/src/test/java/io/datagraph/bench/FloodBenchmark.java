package io.datagraph.bench;

import io.datagraph.Datagraph;
import io.datagraph.IOState;
import io.datagraph.OutputSelection;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.test.RedisServer;
import org.jboss.weld.environment.se.WeldContainer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * A fast producer feeding a slow consumer: flood (as fast as it can) → trickle (~100,000 values/s)
 * over N values (default 10,000,000), with the engine's default backpressure window (100,000) and
 * trimming of consumed internal streams. Prints, while it runs and at the end, the peak unread
 * backlog, the store's peak memory (INFO used_memory) and the JVM's peak heap after GC.
 *
 * <pre>./benchmark flood [values]</pre>
 */
public final class FloodBenchmark {

    private FloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        try (RedisServer redis = RedisServer.start()) {
            EngineDefaults.apply(redis.url());
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            try (WeldContainer container = EngineDefaults.engine()) {
                Datagraph datagraph = container.select(Datagraph.class).get();
                long started = System.nanoTime();
                Run run = datagraph.start(RunRequest.of(Flow.of("flood", "trickle")).input("n", values)
                        .outputs(OutputSelection.TERMINAL));
                long peakBacklog = 0;
                long peakStore = 0;
                long peakHeap = 0;
                long lastPrint = 0;
                while (run.status() == RunStatus.RUNNING) {
                    long backlog = run.ioStates().stream().filter(io -> io.name().equals("water")).findFirst()
                            .map(IOState::backlog).orElse(0L);
                    peakBacklog = Math.max(peakBacklog, backlog);
                    peakStore = Math.max(peakStore, usedMemory(redis));
                    peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                    if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                        lastPrint = System.nanoTime();
                        System.out.printf("  %4.0f s: backlog %,d, store %,d MB, heap %,d MB%n",
                                (lastPrint - started) / 1e9, backlog, usedMemory(redis) >> 20,
                                memory.getHeapMemoryUsage().getUsed() >> 20);
                    }
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                List<Long> drops = run.<Long>io("drops", Long.class).stream().toList();
                System.out.printf("%,d values in %.1f s (%s, trickle counted %s); peak unread backlog %,d values;"
                                + " peak store memory %,d MB (used_memory); peak JVM heap used %,d MB (max %,d MB)%n",
                        values, seconds, run.status(), drops, peakBacklog, peakStore >> 20, peakHeap >> 20,
                        memory.getHeapMemoryUsage().getMax() >> 20);
            }
        }
    }

    private static long usedMemory(RedisServer redis) throws java.io.IOException {
        for (String line : redis.command("INFO", "memory").split("\r\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return 0;
    }
}
