package io.datagraph.test;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration source tests set values through (ordinal 500, above system properties, the
 * environment and {@code microprofile-config.properties}): tests configure the engine the way users
 * do, by keys, never by replacing the configuration bean. {@link TestEngine} fills it before the
 * engine starts and withdraws its values after. Registered through {@code META-INF/services}; one
 * per JVM. Thread-safe.
 */
public final class TestConfig implements ConfigSource {

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    /** Sets {@code key=value} pairs; they hold until {@link #clear()}. */
    public static void set(Map<String, String> values) {
        VALUES.putAll(values);
    }

    /**
     * Sets {@code key=value} pairs and returns what they replace: each key's earlier value, or null
     * where it had none, for {@link #restore}.
     */
    static Map<String, String> replace(Map<String, String> values) {
        Map<String, String> earlier = new java.util.HashMap<>();
        values.keySet().forEach(key -> earlier.put(key, VALUES.get(key)));
        VALUES.putAll(values);
        return earlier;
    }

    /** Puts back what {@link #replace} returned: earlier values again, keys that had none withdrawn. */
    static void restore(Map<String, String> earlier) {
        earlier.forEach((key, value) -> {
            if (value == null) {
                VALUES.remove(key);
            } else {
                VALUES.put(key, value);
            }
        });
    }

    /** Withdraws every value. */
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
