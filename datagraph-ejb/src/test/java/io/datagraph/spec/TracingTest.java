package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunStatus;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.test.TestEngine;
import io.datagraph.testing.Await;
import io.datagraph.testing.EngineTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run is one trace: it continues the span it was started in, with a span per processor attempt (per
 * claimed unit for element-wise processors) on the node that did the work. The server's OpenTelemetry is
 * played by an SDK that keeps the spans in memory, offered as a bean the way MicroProfile Telemetry does.
 */
@EngineTest
@DatagraphTest(beans = TracingTest.Telemetry.class, config = {"datagraph.key-prefix=tracing",
        "datagraph.node.id=node-a", "datagraph.processors.enabled=range,sum,twice,boom,multiply",
        "datagraph.elementwise.unit-size=2"})
class TracingTest {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    /** What MicroProfile Telemetry offers an application: an OpenTelemetry bean. */
    @ApplicationScoped
    public static class Telemetry {
        private static final OpenTelemetry SDK = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();

        @Produces
        OpenTelemetry openTelemetry() {
            return SDK;
        }
    }

    private static final AttributeKey<String> PROCESSOR = AttributeKey.stringKey("datagraph.processor");
    private static final AttributeKey<String> NODE = AttributeKey.stringKey("datagraph.node");
    private static final AttributeKey<String> RUN = AttributeKey.stringKey("datagraph.run.id");
    private static final AttributeKey<Long> IN = AttributeKey.longKey("datagraph.values.in");
    private static final AttributeKey<Long> OUT = AttributeKey.longKey("datagraph.values.out");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("datagraph.outcome");

    @Inject
    Datagraph datagraph;

    @Inject
    OpenTelemetry openTelemetry;

    @BeforeEach
    void forgetEarlierSpans() {
        SPANS.reset();
    }

    /** Starts a run inside a span of the test's, as a server starts it inside its request's span. */
    private Run startTraced(Span parent, Supplier<Run> start) {
        try (Scope ignored = parent.makeCurrent()) {
            return start.get();
        } finally {
            parent.end();
        }
    }

    private Span requestSpan() {
        Tracer tracer = openTelemetry.getTracer("test");
        return tracer.spanBuilder("POST /flows").startSpan();
    }

    private List<SpanData> spansOf(Run run, int atLeast) throws InterruptedException {
        Await.until(() -> SPANS.getFinishedSpanItems().stream().filter(s -> run.id().equals(s.getAttributes().get(RUN)))
                .count() >= atLeast, Duration.ofSeconds(20), "spans of run " + run.id() + ": " + SPANS.getFinishedSpanItems());
        return SPANS.getFinishedSpanItems().stream().filter(s -> run.id().equals(s.getAttributes().get(RUN))).toList();
    }

    @Test
    void eachProcessorAttemptIsASpanOfTheTraceTheRunWasStartedIn() throws InterruptedException {
        try (TestEngine nodeB = TestEngine.builder().beans(Telemetry.class).packagesOf(io.datagraph.examples.Multiply.class)
                .config(Map.of("datagraph.node.id", "node-b", "datagraph.processors.enabled", "square")).start()) {
            Await.until(() -> datagraph.processors().stream().anyMatch(p -> p.name().equals("square")),
                    Duration.ofSeconds(10), "node B's square is not in the directory");
            Span request = requestSpan();
            Run run = startTraced(request, () -> datagraph.start(Flow.of("range", "square", "sum"),
                    Map.of("count", List.of(100))));
            assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
            List<SpanData> spans = spansOf(run, 3);
            assertEquals(Set.of("datagraph range", "datagraph square", "datagraph sum"),
                    spans.stream().map(SpanData::getName).collect(Collectors.toSet()));
            for (SpanData span : spans) {
                assertEquals(request.getSpanContext().getTraceId(), span.getTraceId(), span.toString());
                assertEquals(request.getSpanContext().getSpanId(), span.getParentSpanId(), span.toString());
                assertEquals("DONE", span.getAttributes().get(OUTCOME));
            }
            SpanData square = spans.stream().filter(s -> s.getName().equals("datagraph square")).findFirst().orElseThrow();
            assertEquals("node-b", square.getAttributes().get(NODE), "square runs on the node that serves it");
            assertEquals(100L, square.getAttributes().get(IN));
            assertEquals(100L, square.getAttributes().get(OUT));
            SpanData range = spans.stream().filter(s -> s.getName().equals("datagraph range")).findFirst().orElseThrow();
            assertEquals("node-a", range.getAttributes().get(NODE));
            assertEquals(100L, range.getAttributes().get(OUT));
        }
    }

    @Test
    void anElementWiseProcessorHasASpanPerClaimedUnit() throws InterruptedException {
        Run run = startTraced(requestSpan(), () -> datagraph.start(Flow.of("twice"),
                Map.of("singles", List.of("a", "b", "c", "d", "e", "f"))));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        List<SpanData> units = spansOf(run, 3);
        assertEquals(3, units.size(), "6 values in units of 2: " + units);
        assertTrue(units.stream().allMatch(s -> s.getName().equals("datagraph twice unit")));
        assertEquals(6L, units.stream().mapToLong(s -> s.getAttributes().get(IN)).sum());
        assertEquals(12L, units.stream().mapToLong(s -> s.getAttributes().get(OUT)).sum());
    }

    @Test
    void aFailureIsRecordedOnTheSpanOfTheAttemptThatThrew() throws InterruptedException {
        Run run = startTraced(requestSpan(), () -> datagraph.start(Flow.of("boom"), Map.of("n", List.of(2))));
        assertEquals(RunStatus.FAILED, run.await(Duration.ofSeconds(30)));
        SpanData boom = spansOf(run, 1).get(0);
        assertEquals(StatusCode.ERROR, boom.getStatus().getStatusCode());
        assertEquals("FAILED", boom.getAttributes().get(OUTCOME));
        assertTrue(boom.getEvents().stream().anyMatch(e -> e.getName().equals("exception")), boom.toString());
    }

    @Test
    void aRunStartedOutsideATraceIsNotTraced() throws InterruptedException {
        Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(2)));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        assertEquals(List.of(), SPANS.getFinishedSpanItems().stream()
                .filter(s -> run.id().equals(s.getAttributes().get(RUN))).toList());
    }
}
