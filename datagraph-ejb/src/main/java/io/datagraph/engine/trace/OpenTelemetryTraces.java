package io.datagraph.engine.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;

/**
 * Spans through the server's OpenTelemetry. Loaded only when the server provides the API (see
 * {@link Tracing}); a run's context travels as a W3C {@code traceparent}. Thread-safe.
 */
final class OpenTelemetryTraces implements Tracing.Traces {

    static final AttributeKey<String> RUN = AttributeKey.stringKey("datagraph.run.id");
    static final AttributeKey<String> PROCESSOR = AttributeKey.stringKey("datagraph.processor");
    static final AttributeKey<String> NODE = AttributeKey.stringKey("datagraph.node");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("datagraph.attempt");
    static final AttributeKey<Long> VALUES_IN = AttributeKey.longKey("datagraph.values.in");
    static final AttributeKey<Long> VALUES_OUT = AttributeKey.longKey("datagraph.values.out");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("datagraph.outcome");
    static final AttributeKey<String> DETAIL = AttributeKey.stringKey("datagraph.detail");

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    OpenTelemetryTraces(Object openTelemetry) {
        this.tracer = ((OpenTelemetry) openTelemetry).getTracer("io.datagraph");
    }

    @Override
    public String currentParent() {
        if (!Span.current().getSpanContext().isSampled()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** Makes the empty context current on this thread; the scope is left open on purpose (see {@link Tracing#leaveRequestContext}). */
    @Override
    @SuppressWarnings("resource")
    public void leave() {
        Context.root().makeCurrent();
    }

    @Override
    public TraceSpan span(String parent, String name, String runId, String processor, String node, int attempt) {
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", parent), GETTER);
        Span span = tracer.spanBuilder(name).setParent(context).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(RUN, runId).setAttribute(PROCESSOR, processor).setAttribute(NODE, node)
                .setAttribute(ATTEMPT, (long) attempt).startSpan();
        return new TraceSpan() {
            @Override
            public void event(String event, String detail) {
                span.addEvent(event, Attributes.of(DETAIL, detail));
            }

            @Override
            public void failed(Throwable error) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
            }

            @Override
            public void end(String outcome, long valuesIn, long valuesOut) {
                span.setAttribute(OUTCOME, outcome);
                span.setAttribute(VALUES_IN, valuesIn);
                span.setAttribute(VALUES_OUT, valuesOut);
                span.end();
            }
        };
    }

}
