/**
 * Metrics as Prometheus reads them, kept in the engine's memory: {@link io.datagraph.engine.metrics.Counter},
 * {@link io.datagraph.engine.metrics.Histogram} (counted with adders, never a store round trip) and
 * {@link io.datagraph.engine.metrics.Gauge} (sampled at the scrape), written by
 * {@link io.datagraph.engine.metrics.PrometheusText} in the text exposition format 0.0.4. Each part of the
 * engine owns the families it counts; the health package's {@code EngineMetrics} gathers them for a
 * scrape. No label ever holds a run id, so the number of series stays bounded by the deployment's
 * processors and streams. Depends on nothing else in the engine.
 */
package io.datagraph.engine.metrics;
