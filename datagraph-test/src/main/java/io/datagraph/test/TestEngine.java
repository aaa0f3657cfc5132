package io.datagraph.test;

import io.datagraph.Datagraph;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionTarget;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The engine running in this JVM under CDI (Weld SE), with the processors under test: what a server
 * does at deployment, done in a test. {@link DatagraphTest} starts one per test class; start one by
 * hand for anything else (a second node, a test that restarts the engine):
 *
 * <pre>{@code
 * try (TestEngine engine = TestEngine.builder().beans(Greet.class).config("datagraph.node.id", "a").start()) {
 *     engine.flows().run("greet", Map.of("names", List.of("Ada"))).output("greetings", String.class);
 * }
 * }</pre>
 *
 * <p>The deployment holds the engine (found on the classpath), the CDI extensions the classpath
 * registers (the engine's, MicroProfile Config's), the {@link FlowTester}, and exactly the beans and
 * packages named: discovery is off, so nothing else on the classpath becomes a bean. Configuration
 * goes through {@link TestConfig}, above system properties, the environment and
 * {@code microprofile-config.properties}. It is the JVM's: an engine started while another runs
 * sees that one's values unless it sets its own, and its own are what that one sees from then on
 * (until it closes and puts the earlier values back).
 *
 * <p>Not thread-safe: start and close it from one thread. The beans it holds are as thread-safe as
 * they say.
 */
public final class TestEngine implements AutoCloseable {

    /** The engine's entry bean; the engine's packages are deployed from its package down. */
    static final String ENGINE_CLASS = "io.datagraph.engine.DatagraphEngine";

    private final WeldContainer container;
    /** The configuration values this engine's replaced, put back when it closes. */
    private final Map<String, String> replaced;

    private TestEngine(WeldContainer container, Map<String, String> replaced) {
        this.container = container;
        this.replaced = replaced;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The engine's facade, as {@code @Inject Datagraph} gives it. */
    public Datagraph datagraph() {
        return select(Datagraph.class);
    }

    /** Runs flows and reads their outputs in one line. */
    public FlowTester flows() {
        return select(FlowTester.class);
    }

    /** A bean of this deployment. */
    public <T> T select(Class<T> type) {
        return container.select(type).get();
    }

    /** Injects the {@code @Inject} fields and methods of {@code target} (a test instance) from this deployment. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void inject(Object target) {
        BeanManager beans = container.getBeanManager();
        InjectionTarget injection = beans.getInjectionTargetFactory(beans.createAnnotatedType(target.getClass()))
                .createInjectionTarget(null);
        CreationalContext<?> context = beans.createCreationalContext(null);
        injection.inject(target, context);
    }

    /** Stops the engine (as an undeployment does) and puts back the configuration values its own replaced. */
    @Override
    public void close() {
        try {
            container.shutdown();
        } finally {
            TestConfig.restore(replaced);
        }
    }

    /** What to deploy and how to configure it. */
    public static final class Builder {

        private final List<Class<?>> beans = new ArrayList<>();
        private final List<Class<?>> packages = new ArrayList<>();
        private final Map<String, String> config = new LinkedHashMap<>();

        private Builder() {
        }

        /** Bean classes to deploy beside the engine: processors and whatever they inject. */
        public Builder beans(Class<?>... classes) {
            beans.addAll(List.of(classes));
            return this;
        }

        /** Deploys every bean class in the package of each of {@code classes} and in its subpackages. */
        public Builder packagesOf(Class<?>... classes) {
            packages.addAll(List.of(classes));
            return this;
        }

        /** One configuration value, e.g. {@code datagraph.processors.enabled}. */
        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        /** Configuration values. */
        public Builder config(Map<String, String> values) {
            config.putAll(values);
            return this;
        }

        /**
         * Starts the engine: the deployment fails here, as it would on a server, when a processor is
         * declared wrong or the configuration is invalid.
         *
         * @throws IllegalStateException if the engine is not on the classpath
         */
        public TestEngine start() {
            Map<String, String> replaced = TestConfig.replace(config);
            try {
                return new TestEngine(weld().initialize(), replaced);
            } catch (RuntimeException e) {
                TestConfig.restore(replaced);
                throw e;
            }
        }

        /** The Weld this builder describes, not started (for a process that runs an engine of its own). */
        public Weld weld() {
            Weld weld = new Weld().disableDiscovery()
                    .addPackages(true, engineClass())
                    .addBeanClass(FlowTester.class);
            List<Class<?>> registered = new ArrayList<>();
            for (Extension extension : ServiceLoader.load(Extension.class, Thread.currentThread().getContextClassLoader())) {
                // discovery off, Weld loads no extension itself; the classpath's registrations still hold
                if (!registered.contains(extension.getClass())) {
                    registered.add(extension.getClass());
                    weld.addExtension(extension);
                }
            }
            for (Class<?> pkg : packages) {
                weld.addPackages(true, pkg);
            }
            beans.forEach(weld::addBeanClass);
            return weld;
        }

        private static Class<?> engineClass() {
            try {
                return Class.forName(ENGINE_CLASS, false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the Datagraph engine is not on the test classpath: add the dependency "
                        + "io.datagraph:datagraph-ejb (the BOM io.datagraph:datagraph-bom gives its version)", e);
            }
        }
    }
}
