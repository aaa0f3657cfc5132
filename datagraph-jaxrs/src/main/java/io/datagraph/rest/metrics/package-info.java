/** {@code /datagraph/metrics}: the node's metrics for Prometheus, beside the API and under its own access check. */
package io.datagraph.rest.metrics;
