package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /datagraph/metrics}, read by a real Prometheus and checked by its own tool. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    static final URI METRICS = URI.create(Api.BASE.replace("/datagraph/api", "/datagraph/metrics"));

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpResponse<String> page() {
        return Api.send(HttpRequest.newBuilder(METRICS).GET());
    }

    private static double sample(String page, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(page);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void thePageIsPrometheusTextThatPromtoolAccepts() throws Exception {
        Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}");
        HttpResponse<String> page = page();
        assertEquals(200, page.statusCode(), page.body());
        String type = page.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
        assertTrue(type.startsWith("text/plain;") && type.contains("version=0.0.4"), type);
        List<String> check = PrometheusServer.promtoolCheck(page.body());
        assertEquals("0", check.get(0), "promtool check metrics: " + check.get(1) + "\n" + page.body());
        for (String family : List.of("datagraph_runs_started_total", "datagraph_runs_finished_total",
                "datagraph_runs_running", "datagraph_run_duration_seconds", "datagraph_processor_invocations_total",
                "datagraph_processor_failures_total", "datagraph_processor_running",
                "datagraph_processor_values_read_total", "datagraph_processor_values_emitted_total",
                "datagraph_dispatch_pending", "datagraph_store_command_seconds")) {
            assertTrue(page.body().contains("# TYPE " + family + " "), family + " missing:\n" + page.body());
        }
    }

    @Test
    void prometheusScrapesTheValuesAFlowEmitted() throws Exception {
        String series = "datagraph_processor_values_emitted_total{processor=\"range\",stream=\"numbers\"}";
        double before = sample(page().body(), series);
        URI server = URI.create(Api.BASE);
        try (PrometheusServer prometheus = PrometheusServer.scraping(server.getHost() + ":" + server.getPort(),
                "/datagraph/metrics")) {
            String id = Api.start("{\"processors\":[\"range\",\"square\",\"sum\"],\"inputs\":{\"count\":[1234]}}");
            assertEquals(200, Api.get("/flows/" + id + "/outputs/total", "application/json").statusCode());
            OptionalDouble scraped = prometheus.await(series, before + 1234, Duration.ofSeconds(30));
            assertEquals(OptionalDouble.of(before + 1234), scraped);
            assertEquals(OptionalDouble.of(1), prometheus.query("up{job=\"datagraph\"}"));
            assertTrue(prometheus.await("datagraph_runs_running{scope=\"store\"}", 0, Duration.ofSeconds(30)).isPresent());
        }
    }
}
