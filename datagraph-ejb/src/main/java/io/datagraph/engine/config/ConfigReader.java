package io.datagraph.engine.config;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code datagraph.*} keys as text and checks each value, gathering one {@link ConfigProblem} per
 * bad value instead of stopping at the first, so a deployment names every mistake at once. A bad
 * value reads as its default, so the remaining checks still run. Secrets are never quoted. Keys it
 * is not asked for are ignored. Not thread-safe: one reader per check.
 */
final class ConfigReader {

    private final Config config;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigReader(Config config) {
        this.config = config;
    }

    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** The value, trimmed; empty when unset or blank. */
    Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    String text(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    /** A value that is never quoted in a problem. */
    Optional<String> secret(String key) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank());
    }

    int atLeast(String key, int min, int defaultValue) {
        return (int) number(key, min, Integer.MAX_VALUE, defaultValue);
    }

    long atLeast(String key, long min, long defaultValue) {
        return number(key, min, Long.MAX_VALUE, defaultValue);
    }

    private long number(String key, long min, long max, long defaultValue) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, text.get(), "it must be a whole number from " + min + " to " + max);
        return defaultValue;
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problem(key, text.get(), "it must be true or false");
                return defaultValue;
        }
    }

    /** An ISO-8601 duration such as {@code PT2S}, at least {@code min}. */
    Duration duration(String key, Duration min, String defaultValue) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return Duration.parse(defaultValue);
        }
        try {
            Duration value = Duration.parse(text.get());
            if (value.compareTo(min) >= 0) {
                return value;
            }
            problem(key, text.get(), "it must be at least " + min);
        } catch (DateTimeParseException e) {
            problem(key, text.get(), "it must be an ISO-8601 duration such as PT2S or PT0.5S");
        }
        return Duration.parse(defaultValue);
    }

    /** One of {@code allowed} (case-insensitive), or, when {@code open}, any other non-blank word the caller checks. */
    String choice(String key, String defaultValue, String... allowed) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (String option : allowed) {
            if (option.equalsIgnoreCase(text.get())) {
                return option;
            }
        }
        problem(key, text.get(), "it must be one of " + String.join(", ", allowed));
        return defaultValue;
    }

    /** A store URL: {@code redis://} or {@code rediss://} with a host (and a port). */
    String storeUrl(String key, String value) {
        if (!validStoreUrl(value)) {
            problem(key, value, "it must be a store URL such as redis://127.0.0.1:6379 (rediss:// for TLS)");
        }
        return value;
    }

    /** Comma-separated store URLs. */
    Optional<List<String>> storeUrls(String key) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> urls = Arrays.stream(text.get().split(",")).map(String::trim).toList();
        for (String url : urls) {
            if (!validStoreUrl(url)) {
                problem(key, text.get(), "'" + url + "' is not a store URL such as redis://127.0.0.1:7000;"
                        + " give the nodes comma-separated");
                return Optional.empty();
            }
        }
        return Optional.of(urls);
    }

    private static boolean validStoreUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getPort() <= 65535;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A file path or a URL. */
    Optional<java.net.URL> location(String key) {
        Optional<String> text = optional(key);
        try {
            return text.map(location -> {
                try {
                    return location.contains(":/") ? new URI(location).toURL()
                            : java.nio.file.Path.of(location).toUri().toURL();
                } catch (Exception e) {
                    throw new IllegalArgumentException(e);
                }
            });
        } catch (IllegalArgumentException e) {
            problem(key, text.get(), "it must be a file path or a URL");
            return Optional.empty();
        }
    }

    void problem(String key, String value, String rule) {
        problems.add(new ConfigProblem(key, "is '" + value + "': " + rule));
    }

    /** A problem with a value that must not be quoted. */
    void secretProblem(String key, String rule) {
        problems.add(new ConfigProblem(key, "(value not shown): " + rule));
    }
}
