package io.datagraph.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plans of runs this node created, so that a handle on a run it just started (every REST call
 * on it, e.g. reading its output) costs no store read. Sound because a plan never changes once
 * written (a restart keeps it), and because the store keeps a run at least its retention after it
 * was created (its keys only start to expire when it ends): an entry is dropped once that much time
 * has passed, so a held plan always belongs to a run the store still has. The one exception, a store
 * that came back without its data, {@linkplain #clear() clears} it. Holds at most {@value #CAPACITY}
 * plans; the oldest leave first. Thread-safe.
 */
final class PlanCache {

    static final int CAPACITY = 4096;

    private record Held(RunPlan plan, long until) {
    }

    /** Guarded by itself. */
    private final Map<String, Held> plans = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The run's plan, or null when it is not held. */
    RunPlan get(String runId) {
        synchronized (plans) {
            Held held = plans.get(runId);
            if (held == null) {
                return null;
            }
            if (System.nanoTime() - held.until() > 0) {
                plans.remove(runId);
                return null;
            }
            return held.plan();
        }
    }

    /**
     * Holds the plan of a run just created.
     *
     * @param until when (System.nanoTime) its retention, counted from before it was written, elapses
     */
    void created(String runId, RunPlan plan, long until) {
        synchronized (plans) {
            plans.put(runId, new Held(plan, until));
        }
    }

    void remove(String runId) {
        synchronized (plans) {
            plans.remove(runId);
        }
    }

    void clear() {
        synchronized (plans) {
            plans.clear();
        }
    }
}
