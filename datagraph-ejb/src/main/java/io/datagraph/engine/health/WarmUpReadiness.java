package io.datagraph.engine.health;

import io.datagraph.engine.run.DeploymentWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the engine's deployment warm-up has ended (a second or two on a small machine,
 * {@code datagraph.node.warm-up-values}), so that the first runs sent here neither compete with it
 * nor run before the engine's hot paths are compiled.
 */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    @Inject
    DeploymentWarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        boolean done = warmUp.done();
        var response = HealthCheckResponse.named("datagraph-warm-up").status(done);
        if (!done) {
            response.withData("state", "warming up: writing and reading values once before the first run");
        }
        return response.build();
    }
}
