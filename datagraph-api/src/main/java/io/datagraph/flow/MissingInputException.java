package io.datagraph.flow;

import java.util.Set;

/** The flow was started without values for inputs that no processor of it produces. */
public class MissingInputException extends FlowResolutionException {

    private final Set<String> missing;

    public MissingInputException(Set<String> missing) {
        super("no values given for floating input(s) " + missing
                + ": no processor of the flow produces them, so the run must be started with their values or with them open");
        this.missing = Set.copyOf(missing);
    }

    public Set<String> missing() {
        return missing;
    }
}
