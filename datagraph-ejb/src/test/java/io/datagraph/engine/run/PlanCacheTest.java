package io.datagraph.engine.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class PlanCacheTest {

    private static final RunPlan PLAN = new RunPlan(List.of("p"),
            List.of(new RunPlan.Step("p", List.of("i"), List.of("o"), 0, false)), List.of("i", "o"), List.of("o"),
            List.of(), 1);

    private final PlanCache cache = new PlanCache();

    @Test
    void holdsAPlanUntilItsRunsRetentionHasElapsed() {
        cache.created("r1", PLAN, System.nanoTime() + 60_000_000_000L);
        assertSame(PLAN, cache.get("r1"));
    }

    @Test
    void forgetsAPlanOnceItsRunMayHaveLeftTheStore() {
        cache.created("r1", PLAN, System.nanoTime() - 1);
        assertNull(cache.get("r1"));
    }

    @Test
    void holdsOnlyRunsItWasTold() {
        assertNull(cache.get("unknown"));
    }

    @Test
    void theOldestPlanLeavesWhenFull() {
        long later = System.nanoTime() + 60_000_000_000L;
        for (int i = 0; i <= PlanCache.CAPACITY; i++) {
            cache.created("r" + i, PLAN, later);
        }
        assertNull(cache.get("r0"));
        assertSame(PLAN, cache.get("r1"));
        assertSame(PLAN, cache.get("r" + PlanCache.CAPACITY));
    }

    @Test
    void aStoreThatLostItsDataVoidsEveryPlan() {
        cache.created("r1", PLAN, System.nanoTime() + 60_000_000_000L);
        cache.clear();
        assertNull(cache.get("r1"));
    }
}
