package io.datagraph.rest.request;

/**
 * A request body the API cannot take as sent; answered 400 with this message as the problem's detail
 * (as every {@link IllegalArgumentException}). Plain, so that request parsing needs no HTTP runtime.
 */
public class MalformedRequestException extends IllegalArgumentException {

    public MalformedRequestException(String detail) {
        super(detail);
    }
}
