package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run is one trace, across nodes: the server (its MicroProfile Telemetry on, exporting OTLP over
 * HTTP/protobuf to a receiver in this test) continues the caller's {@code traceparent} in its span of
 * {@code POST /flows}; the processors' spans, from the EAR's engine and from the processor WAR's engine
 * beside it (another node), are that span's children.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class TracingIT {

    @Deployment(name = "datagraph", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Deployment(name = "processors", order = 2, testable = false)
    static WebArchive processors() {
        return ProcessorWar.asBuilt();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    @Test
    void aRunIsOneTraceHoldingTheSpansOfEveryNodeThatWorkedOnIt() throws Exception {
        String traceId = hex(16);
        String callerSpan = hex(8);
        HttpResponse<String> started = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/flows"))
                .header("Content-Type", "application/json").header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"processors\":[\"multiply\",\"greet\"],\"inputs\":{\"foo\":[3],\"names\":[\"Ada\",\"Linus\"]}}")));
        assertEquals(201, started.statusCode(), started.body());
        String id = Api.json(started).getString("id");
        assertEquals(200, Api.get("/flows/" + id + "/outputs/greetings", "application/json").statusCode());
        assertEquals(200, Api.get("/flows/" + id + "/outputs/bar", "application/json").statusCode());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        OtlpReceiver receiver = TraceSink.receiver();
        List<OtlpReceiver.ReceivedSpan> spans = receiver.trace(traceId);
        while (!complete(spans) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            spans = receiver.trace(traceId);
        }
        List<OtlpReceiver.ReceivedSpan> received = spans;
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "received-spans.txt"), receiver.all().stream()
                .map(Object::toString).collect(Collectors.joining("\n")));
        OtlpReceiver.ReceivedSpan request = received.stream().filter(span -> span.parentSpanId().equals(callerSpan))
                .findFirst().orElseThrow(() -> new AssertionError("no span of the request continuing the caller's " + traceId + "/" + callerSpan
                        + " among " + received + "; received in all: " + receiver.all().size() + ", the last: "
                        + receiver.all().subList(Math.max(0, receiver.all().size() - 8), receiver.all().size())));
        assertEquals("SPAN_KIND_SERVER", request.kind(), request.toString());
        List<OtlpReceiver.ReceivedSpan> processors = spans.stream()
                .filter(span -> span.attributes().containsKey("datagraph.processor")).toList();
        assertTrue(processors.stream().allMatch(span -> span.parentSpanId().equals(request.spanId())
                        && id.equals(span.attributes().get("datagraph.run.id"))),
                "the processors' spans are children of the request's: " + spans);
        Set<String> names = processors.stream().map(OtlpReceiver.ReceivedSpan::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("datagraph multiply", "datagraph greet unit")), names.toString());
        Set<String> nodes = processors.stream().map(span -> span.attributes().get("datagraph.node")).collect(Collectors.toSet());
        assertEquals(2, nodes.size(), "spans from two nodes (the EAR's engine and the WAR's): " + processors);
    }

    private static boolean complete(List<OtlpReceiver.ReceivedSpan> spans) {
        Set<String> names = spans.stream().map(OtlpReceiver.ReceivedSpan::name).collect(Collectors.toSet());
        return names.contains("datagraph multiply") && names.contains("datagraph greet unit");
    }
}
