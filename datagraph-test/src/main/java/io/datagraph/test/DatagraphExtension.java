package io.datagraph.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the {@link TestEngine} of a {@link DatagraphTest} class before its tests and closes it after
 * them. Registered by the annotation, after {@link TestStore}, which points the engine at the test
 * run's store.
 */
public final class DatagraphExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatagraphExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        List<DatagraphTest> specs = specs(testClass);
        if (specs.isEmpty()) {
            throw new IllegalStateException(testClass + " is not annotated @DatagraphTest");
        }
        TestEngine.Builder builder = TestEngine.builder();
        ownStore(testClass, context).ifPresent(store -> builder.config(store.asTheStore()));
        for (DatagraphTest spec : specs) {
            builder.beans(spec.beans()).packagesOf(spec.packages()).config(pairs(spec.config()));
        }
        TestEngine engine = builder.config(configurationMethods(testClass)).start();
        context.getStore(NAMESPACE).put(TestEngine.class, engine);
        engine.inject(context.getRequiredTestInstance());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestEngine engine = context.getStore(NAMESPACE).remove(TestEngine.class, TestEngine.class);
        if (engine != null) {
            engine.close();
        }
        RedisServer store = context.getStore(NAMESPACE).remove(RedisServer.class, RedisServer.class);
        if (store != null) {
            store.close();
        }
    }

    /** Starts the class's own store into its {@link DatagraphTest.OwnStore} field, if it has one. */
    private static Optional<RedisServer> ownStore(Class<?> testClass, ExtensionContext context) throws IllegalAccessException {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, DatagraphTest.OwnStore.class);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Field field = fields.get(0);
        if (fields.size() > 1 || !Modifier.isStatic(field.getModifiers()) || field.getType() != RedisServer.class) {
            throw new IllegalArgumentException("@DatagraphTest.OwnStore marks one static RedisServer field of " + testClass
                    + ", not " + fields);
        }
        RedisServer store = RedisServer.start();
        context.getStore(NAMESPACE).put(RedisServer.class, store);
        field.setAccessible(true);
        field.set(null, store);
        return Optional.of(store);
    }

    /** The engine of the test class {@code context} belongs to. */
    public static TestEngine engine(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            TestEngine engine = c.getStore(NAMESPACE).get(TestEngine.class, TestEngine.class);
            if (engine != null) {
                return engine;
            }
        }
        throw new IllegalStateException("no engine: the test class is not annotated @DatagraphTest");
    }

    /**
     * The class's {@code @DatagraphTest} annotations: those on its annotations (a project's own composed
     * annotation, e.g. one naming the packages every test deploys) first, then its own, which adds to
     * them and whose configuration wins.
     */
    static List<DatagraphTest> specs(Class<?> testClass) {
        List<DatagraphTest> specs = new ArrayList<>();
        for (Annotation annotation : testClass.getAnnotations()) {
            DatagraphTest meta = annotation.annotationType().getAnnotation(DatagraphTest.class);
            if (meta != null) {
                specs.add(meta);
            }
        }
        DatagraphTest own = testClass.getAnnotation(DatagraphTest.class);
        if (own != null) {
            specs.add(own);
        }
        return specs;
    }

    private static Map<String, String> pairs(String[] pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("@DatagraphTest config '" + pair + "' is not key=value");
            }
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return values;
    }

    private static Map<String, String> configurationMethods(Class<?> testClass) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, DatagraphTest.Configuration.class,
                HierarchyTraversalMode.TOP_DOWN)) {
            if (!Modifier.isStatic(method.getModifiers())) {
                throw new IllegalArgumentException("@DatagraphTest.Configuration method " + method + " is not static");
            }
            method.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> more = (Map<String, String>) method.invoke(null);
            values.putAll(more);
        }
        return values;
    }
}
