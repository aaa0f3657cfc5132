package io.datagraph.engine.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The exposition format, as Prometheus parses it (promtool checks the served page in the server tests). */
class PrometheusTextTest {

    private static String written(MetricFamily family) {
        PrometheusText out = new PrometheusText();
        family.writeTo(out);
        return out.toString();
    }

    @Test
    void aCounterWritesHelpTypeAndOneSamplePerLabelCombinationInOrder() {
        Counter counter = new Counter("dg_values_total", "Values.", "processor", "stream");
        counter.add(3, "sum", "total");
        counter.inc("range", "numbers");
        counter.inc("range", "numbers");
        assertEquals("""
                # HELP dg_values_total Values.
                # TYPE dg_values_total counter
                dg_values_total{processor="range",stream="numbers"} 2
                dg_values_total{processor="sum",stream="total"} 3
                """, written(counter));
    }

    @Test
    void labelValuesAreEscaped() {
        Counter counter = new Counter("dg_x_total", "X.", "processor");
        counter.inc("a\"b\\c\nd");
        assertEquals("dg_x_total{processor=\"a\\\"b\\\\c\\nd\"} 1", written(counter).lines().toList().get(2));
    }

    @Test
    void aHistogramsBucketsAreCumulativeWithInfAndItsSumAndCount() {
        Histogram histogram = new Histogram("dg_seconds", "Seconds.", new double[] {0.1, 1});
        histogram.observe(0.05);
        histogram.observe(0.1);   // on a bound: counted in that bucket (le)
        histogram.observe(0.5);
        histogram.observe(7);
        assertEquals("""
                # HELP dg_seconds Seconds.
                # TYPE dg_seconds histogram
                dg_seconds_bucket{le="0.1"} 2
                dg_seconds_bucket{le="1"} 3
                dg_seconds_bucket{le="+Inf"} 4
                dg_seconds_sum 7.65
                dg_seconds_count 4
                """, written(histogram));
    }

    @Test
    void aGaugeWritesWhatItsSampleAnswersAtTheScrape() {
        Gauge gauge = new Gauge("dg_running", "Running.", List.of("scope"), () -> Map.of(List.of("store"), 5));
        assertEquals("dg_running{scope=\"store\"} 5", written(gauge).lines().toList().get(2));
    }

    @Test
    void aCounterNeverGoesDownAndTakesExactlyItsLabels() {
        Counter counter = new Counter("dg_y_total", "Y.", "processor");
        assertThrows(IllegalArgumentException.class, () -> counter.add(-1, "p"));
        assertThrows(IllegalArgumentException.class, () -> counter.inc("p", "extra"));
    }
}
