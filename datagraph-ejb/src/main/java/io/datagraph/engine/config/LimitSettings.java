package io.datagraph.engine.config;

/**
 * What one request or run may ask for ({@code datagraph.limits.*}).
 *
 * @param processorsPerFlow most processors a flow may have
 * @param valuesPerInput    most values one input may be given at start, or in one append
 * @param valueBytes        largest value (its JSON, in UTF-16 chars) an input or an emitter takes
 * @param concurrentRuns    most runs running at once across every node sharing the store
 */
public record LimitSettings(int processorsPerFlow, int valuesPerInput, int valueBytes, int concurrentRuns) {

    static LimitSettings read(ConfigReader in) {
        return new LimitSettings(
                in.atLeast("datagraph.limits.processors-per-flow", 1, 100),
                in.atLeast("datagraph.limits.values-per-input", 1, 1_000_000),
                in.atLeast("datagraph.limits.value-bytes", 1, 1_048_576),
                in.atLeast("datagraph.limits.concurrent-runs", 1, 1000));
    }
}
