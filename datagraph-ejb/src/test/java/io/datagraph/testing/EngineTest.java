package io.datagraph.testing;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An engine spec: one engine (the whole engine, the example processors and the test fixtures, under
 * Weld) for the test class, on the test run's shared Redis, its {@code @Inject} fields injected.
 * Configure it by keys: {@link #config()} for fixed values, a static method annotated
 * {@link Configuration} for values known only at run time (a server's port); both go through
 * {@link TestConfig}, the way a user configures a deployment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedRedis.class)
@ExtendWith(EngineExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface EngineTest {

    /** Bean classes the engine deploys besides the engine, examples and fixtures. */
    Class<?>[] beans() default {};

    /** {@code key=value} configuration of this engine. */
    String[] config() default {};

    /** Marks a static method of the test class returning {@code Map<String, String>}: more configuration. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Configuration {
    }
}
