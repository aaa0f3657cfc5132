/** JSON-P for the REST API's bodies, through a provider looked up once ({@link io.datagraph.rest.json.Jsonp}). */
package io.datagraph.rest.json;
