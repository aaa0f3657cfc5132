/**
 * A typed client of the Datagraph REST API: {@link io.datagraph.client.DatagraphClient} (a MicroProfile
 * Rest Client interface), the JSON documents as records, and errors as
 * {@link io.datagraph.client.DatagraphApiException} with the problem document.
 */
package io.datagraph.client;
