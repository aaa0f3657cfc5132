/** Access control of the API: roles checked against the server's realm, runs visible to their starter and admins. */
package io.datagraph.rest.security;
