package io.datagraph.testing;

import io.datagraph.engine.DatagraphEngine;
import io.datagraph.engine.config.ConfigurationCheck;
import io.datagraph.engine.processor.ProcessorExtension;
import io.datagraph.examples.Multiply;
import io.datagraph.spec.fixtures.StreamFixtures;
import io.smallrye.config.inject.ConfigExtension;
import org.jboss.weld.environment.se.Weld;

/**
 * The CDI deployment tests run: the whole engine, the example processors, the test fixtures, the
 * MicroProfile Config extension, plus whatever beans a test adds. Discovery is off, so only what is
 * named here deploys (tests themselves live outside the scanned packages).
 */
public final class EngineDeployment {

    private EngineDeployment() {
    }

    /** A Weld configured with the engine and examples plus {@code beans}. */
    public static Weld weld(Class<?>... beans) {
        Weld weld = new Weld()
                .disableDiscovery()
                .addPackages(true, DatagraphEngine.class)
                .addPackages(true, Multiply.class)
                .addPackages(false, StreamFixtures.class)
                .addExtension(new ProcessorExtension())
                .addExtension(new ConfigurationCheck())
                .addExtension(new ConfigExtension());
        for (Class<?> bean : beans) {
            weld.addBeanClass(bean);
        }
        return weld;
    }

}
