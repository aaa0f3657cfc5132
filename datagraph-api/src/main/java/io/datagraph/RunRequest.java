package io.datagraph;

import io.datagraph.flow.Flow;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to start: a flow, the values of its floating inputs, the inputs left open, which outputs to
 * list, optionally how long the finished run's data is kept, who started it, the workers and
 * retries of its element-wise processors, and an idempotency key. Effectively immutable: every method
 * that changes something answers a changed copy.
 */
public final class RunRequest {

    private Flow flow;
    private Map<String, List<?>> inputs = Map.of();
    private Set<String> open = Set.of();
    private OutputSelection outputs = OutputSelection.FINAL;
    private Duration retention;
    private String startedBy;
    private Map<String, Integer> concurrency = Map.of();
    private Map<String, Integer> retries = Map.of();
    private String idempotencyKey;

    /** The longest idempotency key accepted. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private RunRequest(Flow flow) {
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    /** A copy to change: requests are immutable, every setter answers a new one. */
    private RunRequest copy() {
        RunRequest copy = new RunRequest(flow);
        copy.inputs = inputs;
        copy.open = open;
        copy.outputs = outputs;
        copy.retention = retention;
        copy.startedBy = startedBy;
        copy.concurrency = concurrency;
        copy.retries = retries;
        copy.idempotencyKey = idempotencyKey;
        return copy;
    }

    public static RunRequest of(Flow flow) {
        return new RunRequest(flow);
    }

    /**
     * Leaves floating inputs open: the run starts without their values (or with those given by
     * {@link #input}) and takes more through {@link Run#append} until {@link Run#complete}.
     */
    public RunRequest open(String... names) {
        Set<String> merged = new LinkedHashSet<>(open);
        for (String name : names) {
            merged.add(Objects.requireNonNull(name));
        }
        RunRequest copy = copy();
        copy.open = Set.copyOf(merged);
        return copy;
    }

    /** Adds values for a floating input (an input no processor of the flow produces). */
    public RunRequest input(String name, Object... values) {
        return inputs(Map.of(name, Arrays.asList(values)));
    }

    /** Adds values for several floating inputs. */
    public RunRequest inputs(Map<String, ? extends List<?>> values) {
        Map<String, List<?>> merged = new LinkedHashMap<>(inputs);
        values.forEach((name, list) -> merged.put(Objects.requireNonNull(name), List.copyOf(list)));
        RunRequest copy = copy();
        copy.inputs = Map.copyOf(merged);
        return copy;
    }

    public RunRequest outputs(OutputSelection selection) {
        RunRequest copy = copy();
        copy.outputs = Objects.requireNonNull(selection);
        return copy;
    }

    /** Keeps the finished run's data this long instead of the configured {@code datagraph.run.ttl}. */
    public RunRequest retention(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + ttl);
        }
        RunRequest copy = copy();
        copy.retention = ttl;
        return copy;
    }

    /** Records who starts the run (a user name), for {@link Run#startedBy()} and access checks. */
    public RunRequest startedBy(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("startedBy needs a user name");
        }
        RunRequest copy = copy();
        copy.startedBy = user;
        return copy;
    }

    /** Runs {@code workers} workers per serving node for the element-wise processor, this run only. */
    public RunRequest concurrency(String processor, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("concurrency of '" + processor + "' must be at least 1, not " + workers);
        }
        RunRequest copy = copy();
        copy.concurrency = with(concurrency, processor, workers);
        return copy;
    }

    /** Retries a failing value of the element-wise processor up to {@code times} times, this run only. */
    public RunRequest retries(String processor, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("retries of '" + processor + "' must be at least 0, not " + times);
        }
        RunRequest copy = copy();
        copy.retries = with(retries, processor, times);
        return copy;
    }

    /**
     * Makes the start idempotent: while a run started with this key by the same caller
     * ({@link #startedBy}, or nobody in particular) is retained, starting again with the key answers
     * that run instead of a new one ({@link Datagraph#submit}), and starting with the key but a
     * different request fails with {@link IdempotencyConflictException}. A start that is refused (bad
     * flow, limit reached) binds nothing.
     *
     * @param key 1 to {@value #MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters (e.g. a UUID)
     */
    public RunRequest idempotencyKey(String key) {
        RunRequest copy = copy();
        copy.idempotencyKey = checkIdempotencyKey(key);
        return copy;
    }

    /**
     * Checks an idempotency key: 1 to {@value #MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters.
     *
     * @return the key
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String checkIdempotencyKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters, not " + (key == null ? "none" : key.length()));
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("an idempotency key holds printable ASCII characters only (no"
                        + " spaces); character " + (i + 1) + " is U+" + String.format("%04X", (int) c));
            }
        }
        return key;
    }

    private static Map<String, Integer> with(Map<String, Integer> map, String key, int value) {
        Map<String, Integer> merged = new LinkedHashMap<>(map);
        merged.put(Objects.requireNonNull(key), value);
        return Map.copyOf(merged);
    }

    public Flow flow() {
        return flow;
    }

    public Map<String, List<?>> inputs() {
        return inputs;
    }

    /** The floating inputs left open at start. */
    public Set<String> openInputs() {
        return open;
    }

    public OutputSelection outputSelection() {
        return outputs;
    }

    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    /** Workers per node asked for element-wise processors of this run, by processor. */
    public Map<String, Integer> concurrency() {
        return concurrency;
    }

    /** Retries asked for element-wise processors of this run, by processor. */
    public Map<String, Integer> retries() {
        return retries;
    }

    /** The key that makes this start idempotent, if one was given. */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }
}
