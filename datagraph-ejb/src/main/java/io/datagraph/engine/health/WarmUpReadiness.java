package io.datagraph.engine.health;

import io.datagraph.engine.run.DeploymentWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the deployment warm-up has ended, the engine's and its parts (the REST layer's): about
 * ten seconds on two cores with the defaults ({@code datagraph.node.warm-up-values},
 * {@code datagraph.node.warm-up-runs}), so that the first runs and
 * requests sent here neither compete with it nor find the hot paths cold. Reports each part's state.
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
            response.withData("state", "warming up: running the hot paths once before the first run");
        }
        warmUp.parts().forEach(response::withData);
        return response.build();
    }
}
