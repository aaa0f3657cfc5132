package io.datagraph;

/** A request goes beyond a configured limit; nothing was started or written. */
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
