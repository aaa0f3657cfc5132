package io.datagraph.engine.health;

import io.datagraph.engine.exec.LocalExecutor;
import io.datagraph.engine.run.Invocations;
import io.datagraph.engine.store.Signals;
import jakarta.enterprise.context.ApplicationScoped;
import io.datagraph.engine.config.EngineConfig;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the engine's own machinery works: the pool that runs processors accepts work. Reports
 * which pool that is, the processors running here, whether run signals are subscribed (without them readers fall back to
 * polling: slower, not dead), and the clients followed over Server-Sent Events, of how many it takes
 * (all taken refuses new ones with 503: not dead either).
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

    @Inject
    LocalExecutor executor;

    @Inject
    Invocations invocations;

    @Inject
    Signals signals;

    @Inject
    StreamingClients streaming;

    @Inject
    EngineConfig config;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("datagraph-engine")
                .status(executor.accepting())
                // which engine answers: a server may hold several (the EAR's, a processor WAR's)
                .withData("node", config.node().id())
                .withData("executor", executor.pool())
                .withData("processorsRunning", invocations.runningCount())
                .withData("signalsSubscribed", signals.subscribed())
                .withData("sseClients", streaming.active())
                .withData("sseClientsMax", streaming.capacity())
                .build();
    }
}
