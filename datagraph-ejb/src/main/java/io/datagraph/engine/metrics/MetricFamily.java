package io.datagraph.engine.metrics;

/** A named metric with its samples, written at each scrape. */
public interface MetricFamily {

    /** Writes the family's help, type and current samples. */
    void writeTo(PrometheusText out);
}
