/** Error answers: every exception becomes an RFC 9457 problem document with a status and a detail a user can act on. */
package io.datagraph.rest.problem;
