package io.datagraph;

import java.util.Collection;

/** The run has no stream of this name. */
public class UnknownStreamException extends DatagraphException {

    private final String stream;

    public UnknownStreamException(String runId, String stream, Collection<String> streams) {
        super("run " + runId + " has no stream '" + stream + "'; its streams are " + streams);
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }
}
