package io.datagraph.flow;

/** The flow names a processor that no deployment has registered. */
public class UnknownProcessorException extends FlowResolutionException {

    private final String processor;

    public UnknownProcessorException(String processor) {
        super("unknown processor '" + processor + "': no deployment registers a processor of that name");
        this.processor = processor;
    }

    public String processor() {
        return processor;
    }
}
