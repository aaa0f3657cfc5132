package io.datagraph.engine.trace;

import io.datagraph.engine.config.EngineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run's trace, when the server provides OpenTelemetry (MicroProfile Telemetry: an
 * {@code OpenTelemetry} bean): a run continues the span it was started in (the server's span of the
 * {@code POST /flows} request, itself continuing an incoming {@code traceparent}), whose context the
 * run's plan carries through the store, so that every node adds its processors' spans to the same
 * trace. Without OpenTelemetry on the server — no API, no bean, or the SDK disabled (the servers'
 * default) — every span is {@link TraceSpan#NONE} and no OpenTelemetry class is ever loaded.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class Tracing {

    private static final Logger LOG = Logger.getLogger(Tracing.class.getName());
    private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    @Inject
    BeanManager beans;

    @Inject
    EngineConfig config;

    /** null until looked up; then the traces, or {@link #OFF}. */
    private volatile Traces traces;

    /**
     * Looks the server's OpenTelemetry up now, and reads the calling thread's span once, rather than at the
     * first run's start: the deployment warm-up calls it. Should that fail, the first run looks again. (The
     * first read of a request's span costs more on Payara, 13–21 ms; the REST layer's warm-up pays that.)
     */
    public void prepare() {
        try {
            traces().currentParent();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "OpenTelemetry could not be looked up at deployment; the first run will look again", e);
        }
    }

    /** Whether the server's OpenTelemetry, or its absence, was looked up already. */
    public boolean lookedUp() {
        return traces != null;
    }

    /** The traceparent of the span the calling thread works in, if it is a sampled one; null otherwise. */
    public String currentParent() {
        return traces().currentParent();
    }

    /**
     * The calling thread leaves the trace context it is in, for a container thread whose request was
     * suspended and will be answered from another thread: a server's instrumentation made the request's span
     * current on this thread and closes that scope where the response is sent, so without this the thread
     * would carry the finished request's span into every later request it serves (seen on WildFly: those
     * requests then got no span of their own, and runs started in them joined the old trace).
     */
    public void leaveRequestContext() {
        traces().leave();
    }

    /** A span of one attempt of a stream processor of the run whose plan carries {@code trace}. */
    public TraceSpan attempt(String trace, String runId, String processor, int attempt) {
        return trace == null ? TraceSpan.NONE : traces().span(trace, "datagraph " + processor, runId, processor,
                config.node().id(), attempt);
    }

    /** A span of one claimed unit of an element-wise processor of the run whose plan carries {@code trace}. */
    public TraceSpan unit(String trace, String runId, String processor, int attempt) {
        return trace == null ? TraceSpan.NONE : traces().span(trace, "datagraph " + processor + " unit", runId,
                processor, config.node().id(), attempt);
    }

    private Traces traces() {
        Traces found = traces;
        if (found == null) {
            found = lookUp();
            traces = found;
        }
        return found;
    }

    private Traces lookUp() {
        Class<?> api;
        try {
            api = Class.forName(OPEN_TELEMETRY, false, Tracing.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.fine("no OpenTelemetry API on this server: runs are not traced");
            return OFF;
        }
        Set<Bean<?>> found = beans.getBeans(api);
        if (found.isEmpty()) {
            LOG.fine("no OpenTelemetry bean (MicroProfile Telemetry) on this server: runs are not traced");
            return OFF;
        }
        Bean<?> bean = beans.resolve(found);
        Object openTelemetry = beans.getReference(bean, api, beans.createCreationalContext(bean));
        return new OpenTelemetryTraces(openTelemetry);
    }

    /** Where spans come from. */
    interface Traces {
        String currentParent();

        void leave();

        TraceSpan span(String parent, String name, String runId, String processor, String node, int attempt);
    }

    private static final Traces OFF = new Traces() {
        @Override
        public String currentParent() {
            return null;
        }

        @Override
        public void leave() {
        }

        @Override
        public TraceSpan span(String parent, String name, String runId, String processor, String node, int attempt) {
            return TraceSpan.NONE;
        }
    };
}
