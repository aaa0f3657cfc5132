package io.datagraph.testing;

import io.datagraph.examples.Multiply;
import io.datagraph.spec.fixtures.StreamFixtures;
import io.datagraph.test.TestEngine;
import org.jboss.weld.environment.se.Weld;

/**
 * What {@link EngineTest} deploys — the engine, the example processors, the test fixtures — for specs
 * and processes that start an engine by hand.
 */
public final class EngineDeployment {

    private EngineDeployment() {
    }

    /** A Weld configured with the engine, examples and fixtures plus {@code beans}. */
    public static Weld weld(Class<?>... beans) {
        return TestEngine.builder().packagesOf(Multiply.class, StreamFixtures.class).beans(beans).weld();
    }
}
