package io.datagraph.testing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration source tests set values through (ordinal 500, above system properties and the
 * environment): tests configure the engine the way users do, by keys, never by replacing the
 * configuration bean. {@link EngineTest} fills it before the engine starts and clears it after.
 * Registered through {@code META-INF/services}. Thread-safe.
 */
public final class TestConfig implements ConfigSource {

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    /** Sets {@code key=value} pairs; they hold until {@link #clear()}. */
    public static void set(Map<String, String> values) {
        VALUES.putAll(values);
    }

    public static void clear() {
        VALUES.clear();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(VALUES.keySet());
    }

    @Override
    public String getValue(String key) {
        return VALUES.get(key);
    }

    @Override
    public String getName() {
        return "datagraph-tests";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
