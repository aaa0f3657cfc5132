package io.datagraph;

/** Base of every exception the framework throws. */
public class DatagraphException extends RuntimeException {

    public DatagraphException(String message) {
        super(message);
    }

    public DatagraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
