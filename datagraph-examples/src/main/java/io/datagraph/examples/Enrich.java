package io.datagraph.examples;

import io.datagraph.OnFailure;
import io.datagraph.Processor;
import io.datagraph.ProcessorContext;
import io.datagraph.RunEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's per-file step: slow (a simulated 20 ms remote call) and now and then flaky. Element-wise:
 * called once per item, on 16 workers per node, a failing item retried 3 times and then dead-lettered
 * while the others go on.
 */
@ApplicationScoped
public class Enrich {

    /** Per run, the items this node has seen: the first call for a multiple of 7 fails, once. */
    private final Map<String, Set<Integer>> seen = new ConcurrentHashMap<>();

    @Processor(name = "enrich", inputs = "items", outputs = "enriched", concurrency = 16, retries = 3,
            retryDelay = "PT0.01S", onFailure = OnFailure.DEAD_LETTER)
    public int enrich(int items) throws InterruptedException {
        Thread.sleep(20);
        if (items < 0) {
            throw new IllegalArgumentException("negative item " + items);
        }
        String run = ProcessorContext.current().map(ProcessorContext::runId).orElse("");
        if (items % 7 == 0 && seen.computeIfAbsent(run, r -> ConcurrentHashMap.newKeySet()).add(items)) {
            throw new IllegalStateException("transient failure of item " + items + " (first try on this node)");
        }
        return items * 10;
    }

    void forget(@Observes RunEnded ended) {
        seen.remove(ended.runId());
    }
}
