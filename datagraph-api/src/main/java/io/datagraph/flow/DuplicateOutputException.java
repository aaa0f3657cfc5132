package io.datagraph.flow;

/** Two processors of the flow write the same stream; a stream has exactly one producer. */
public class DuplicateOutputException extends FlowResolutionException {

    private final String output;

    public DuplicateOutputException(String output, String firstProcessor, String secondProcessor) {
        super("output '" + output + "' is produced by both '" + firstProcessor + "' and '" + secondProcessor
                + "'; a stream must have exactly one producer in a flow");
        this.output = output;
    }

    public String output() {
        return output;
    }
}
