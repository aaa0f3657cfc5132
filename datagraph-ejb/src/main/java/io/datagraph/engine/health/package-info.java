/**
 * What the engine tells operators about itself: MicroProfile Health (readiness DOWN while the store does
 * not answer or holds another protocol version; liveness reporting the node and the processors running
 * here) and {@link io.datagraph.engine.health.EngineMetrics}, a scrape of the node's metrics with the
 * installation-wide gauges read from the store.
 */
package io.datagraph.engine.health;
