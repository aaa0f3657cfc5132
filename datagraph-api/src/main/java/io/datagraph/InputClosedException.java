package io.datagraph;

/** Values were sent to a stream of a run that does not take them: a completed input, or an output. */
public class InputClosedException extends DatagraphException {

    private final String stream;

    public InputClosedException(String runId, String stream, String why) {
        super("stream '" + stream + "' of run " + runId + " takes no values: " + why);
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }
}
