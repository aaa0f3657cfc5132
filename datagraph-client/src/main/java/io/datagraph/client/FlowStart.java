package io.datagraph.client;

import java.util.List;
import java.util.Map;

/**
 * The body of a start: the flow by its processors (or a flow declared in code by name), the values of
 * its floating inputs, the inputs left open, and which outputs to list ({@code final}, {@code all},
 * {@code terminal}); absent parts are null.
 */
public record FlowStart(List<String> processors, String flow, Map<String, List<?>> inputs, List<String> open,
                        String outputs) {

    /** The flow of these processors, with no inputs yet. */
    public static FlowStart of(String... processors) {
        return new FlowStart(List.of(processors), null, null, null, null);
    }

    /** This start with the values of one more floating input. */
    public FlowStart input(String name, Object... values) {
        Map<String, List<?>> merged = new java.util.LinkedHashMap<>(inputs == null ? Map.of() : inputs);
        merged.put(name, List.of(values));
        return new FlowStart(processors, flow, merged, open, outputs);
    }

    /** This start with inputs left open for appends. */
    public FlowStart open(String... names) {
        return new FlowStart(processors, flow, inputs, List.of(names), outputs);
    }
}
