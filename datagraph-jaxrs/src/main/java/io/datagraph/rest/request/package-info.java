/** Reading request bodies: size limit, JSON, and the {@code POST /flows} body; pure enough to test without a server. */
package io.datagraph.rest.request;
