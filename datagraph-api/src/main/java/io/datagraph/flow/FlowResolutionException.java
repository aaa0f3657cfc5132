package io.datagraph.flow;

import io.datagraph.DatagraphException;

/** A flow cannot run as described; the subclass says why and the message says where. */
public class FlowResolutionException extends DatagraphException {

    public FlowResolutionException(String message) {
        super(message);
    }
}
