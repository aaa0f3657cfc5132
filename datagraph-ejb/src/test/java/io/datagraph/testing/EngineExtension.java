package io.datagraph.testing;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the engine of an {@link EngineTest} class before its tests and stops it after them. Runs after
 * {@link SharedRedis}, which points the engine at the test run's store.
 */
public final class EngineExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EngineExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        EngineTest spec = AnnotationSupport.findAnnotation(testClass, EngineTest.class)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not annotated @EngineTest"));
        TestConfig.set(configuration(testClass, spec));
        WeldContainer container = EngineDeployment.weld(spec.beans()).initialize();
        context.getStore(NAMESPACE).put(WeldContainer.class, container);
        inject(container.getBeanManager(), context.getRequiredTestInstance());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WeldContainer container = context.getStore(NAMESPACE).remove(WeldContainer.class, WeldContainer.class);
        try {
            if (container != null) {
                container.shutdown();
            }
        } finally {
            TestConfig.clear();
        }
    }

    private static Map<String, String> configuration(Class<?> testClass, EngineTest spec) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String pair : spec.config()) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("@EngineTest config '" + pair + "' is not key=value");
            }
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, EngineTest.Configuration.class,
                HierarchyTraversalMode.TOP_DOWN)) {
            method.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> more = (Map<String, String>) method.invoke(null);
            values.putAll(more);
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void inject(BeanManager beans, Object test) {
        InjectionTarget target = beans.getInjectionTargetFactory(beans.createAnnotatedType(test.getClass()))
                .createInjectionTarget(null);
        CreationalContext<?> context = beans.createCreationalContext(null);
        target.inject(test, context);
    }
}
