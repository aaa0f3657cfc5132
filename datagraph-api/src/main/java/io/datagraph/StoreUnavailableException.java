package io.datagraph;

/** The key/value store could not be reached or did not answer in time. */
public class StoreUnavailableException extends DatagraphException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
