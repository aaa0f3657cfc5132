package io.datagraph.flow;

/** No flow is declared in code under this name. */
public class UnknownFlowException extends FlowResolutionException {

    private final String flow;

    public UnknownFlowException(String flow) {
        super("unknown flow '" + flow + "': no CDI bean of type Flow has that name");
        this.flow = flow;
    }

    public String flow() {
        return flow;
    }
}
