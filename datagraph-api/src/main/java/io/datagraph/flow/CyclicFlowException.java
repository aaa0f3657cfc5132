package io.datagraph.flow;

import java.util.List;

/** The processors of the flow feed one another in a cycle, so none could ever complete. */
public class CyclicFlowException extends FlowResolutionException {

    private final List<String> cycle;

    /** @param cycle the processors of the cycle, the first repeated at the end */
    public CyclicFlowException(List<String> cycle) {
        super("the flow has a cycle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    public List<String> cycle() {
        return cycle;
    }
}
