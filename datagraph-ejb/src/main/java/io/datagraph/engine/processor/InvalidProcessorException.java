package io.datagraph.engine.processor;

import io.datagraph.DatagraphException;

/** A {@code @Processor} method does not match its declaration; reported as a CDI deployment problem. */
public class InvalidProcessorException extends DatagraphException {

    public InvalidProcessorException(String message) {
        super(message);
    }
}
