package io.datagraph.flow;

/** Values were given for a stream that is not a floating input of the flow. */
public class UnexpectedInputException extends FlowResolutionException {

    private final String input;

    public UnexpectedInputException(String input, String why) {
        super("cannot take values for '" + input + "': " + why);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
