package io.datagraph.testing;

import io.datagraph.examples.Multiply;
import io.datagraph.spec.fixtures.StreamFixtures;
import io.datagraph.test.DatagraphTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An engine spec, through the test kit: the engine with the example processors and the test fixtures,
 * on the test run's shared store, the test's {@code @Inject} fields injected. A spec that needs more
 * beans or configuration adds a {@code @DatagraphTest} of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DatagraphTest(packages = {Multiply.class, StreamFixtures.class})
public @interface EngineTest {
}
