/**
 * MicroProfile Health: readiness DOWN while the store does not answer (or holds another protocol
 * version), liveness reporting the processors running here.
 */
package io.datagraph.engine.health;
