package io.datagraph.client;

/** An RFC 9457 problem document: the body of every error answer of the API. */
public record Problem(String type, String title, int status, String detail) {
}
