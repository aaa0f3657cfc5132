package io.datagraph.flow;

/** A processor of the flow is known, but no live node serves it now, so the flow cannot start. */
public class NoLiveNodeException extends FlowResolutionException {

    private final String processor;

    public NoLiveNodeException(String processor) {
        super("no live node serves processor '" + processor + "': every node that has it stopped, or its"
                + " datagraph.processors.enabled leaves it out");
        this.processor = processor;
    }

    public String processor() {
        return processor;
    }
}
