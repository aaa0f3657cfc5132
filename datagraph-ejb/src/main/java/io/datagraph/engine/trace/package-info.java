/**
 * Traces: a run is one trace, continuing the span it was started in, with a span per processor
 * attempt (per claimed unit for element-wise processors) on whichever node does the work. The context
 * travels in the run's plan through the store. OpenTelemetry comes from the server (MicroProfile
 * Telemetry); without it, or with its SDK disabled, nothing is traced and nothing is loaded.
 */
package io.datagraph.engine.trace;
