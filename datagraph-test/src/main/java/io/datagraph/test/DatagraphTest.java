package io.datagraph.test;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs against the real engine on a real store: before its tests, the test run's
 * Redis/Valkey server is started if it is not yet ({@link TestStore}), a {@link TestEngine} deploys
 * the engine with the named beans and packages, and the test instance's {@code @Inject} fields are
 * injected ({@code Datagraph}, {@link FlowTester}, the processors, any bean of the deployment). After
 * its tests the engine stops. One test instance serves every test of the class.
 *
 * <pre>{@code
 * @DatagraphTest(beans = Greet.class)
 * class GreetTest {
 *     @Inject FlowTester flows;
 *
 *     @Test
 *     void greetsEveryName() {
 *         assertEquals(List.of("Hello, Ada!"),
 *                 flows.run("greet", Map.of("names", List.of("Ada"))).output("greetings", String.class));
 *     }
 * }
 * }</pre>
 *
 * Configure the engine by keys: {@link #config()} for fixed values, a static method annotated
 * {@link Configuration} returning {@code Map<String, String>} for values known only at run time. A class
 * that needs a store to itself names a field for it ({@link OwnStore}).
 *
 * <p>A project may name what all its tests deploy once, in an annotation of its own annotated
 * {@code @DatagraphTest(packages = …)}; a test class then carries that annotation, and may add beans
 * and configuration with a {@code @DatagraphTest} of its own.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestStore.class)
@ExtendWith(DatagraphExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface DatagraphTest {

    /** Bean classes to deploy beside the engine: the processors under test and what they inject. */
    Class<?>[] beans() default {};

    /** Classes whose packages (with subpackages) deploy whole. */
    Class<?>[] packages() default {};

    /** {@code key=value} configuration of the engine. */
    String[] config() default {};

    /** Marks a static method of the test class returning {@code Map<String, String>}: more configuration. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Configuration {
    }

    /**
     * Marks a static {@link RedisServer} field of the test class: a store of the class's own is started
     * into it before the engine, which then uses it instead of the test run's shared store, and closed
     * after the class's tests. For tests that stop, empty or pause the store, or count what it receives.
     *
     * <pre>{@code
     * @DatagraphTest.OwnStore
     * static RedisServer store;
     * }</pre>
     */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface OwnStore {
    }
}
