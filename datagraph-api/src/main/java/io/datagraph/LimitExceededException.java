package io.datagraph;

/**
 * Something goes beyond a configured limit ({@link #limit()} names it, with its configuration key).
 * <ul>
 *   <li>Starting a run or appending to one (too many processors, input values or running runs, a value
 *       too large): thrown to the caller, and nothing of that request was started or written.</li>
 *   <li>A processor emitting a value too large ({@link Limit#VALUE_BYTES}, {@link Limit#RESULT_BYTES}):
 *       thrown inside the processor while its run goes on; the values it emitted before stay written.
 *       If the processor lets it propagate, the run fails (or, for an element-wise processor, that one
 *       input value is retried or dead-lettered) with this message.</li>
 * </ul>
 */
public class LimitExceededException extends DatagraphException {

    /** The limits, each with its configuration key. */
    public enum Limit {
        PROCESSORS_PER_FLOW("datagraph.limits.processors-per-flow"),
        VALUES_PER_INPUT("datagraph.limits.values-per-input"),
        VALUE_BYTES("datagraph.limits.value-bytes"),
        CONCURRENT_RUNS("datagraph.limits.concurrent-runs"),
        RESULT_BYTES("datagraph.elementwise.max-result-bytes");

        private final String key;

        Limit(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Limit limit;

    public LimitExceededException(Limit limit, String what, long maximum) {
        super(what + " exceeds the limit of " + maximum + " (" + limit.key() + ")");
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
