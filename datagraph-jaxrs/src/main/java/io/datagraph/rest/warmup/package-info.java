/**
 * The REST layer's deployment warm-up: once the deployment answers, this server calls its own API over
 * HTTP, as a client would, so that the first user's requests do not pay for the server's first JAX-RS
 * request, first event stream and their compilation.
 */
package io.datagraph.rest.warmup;
