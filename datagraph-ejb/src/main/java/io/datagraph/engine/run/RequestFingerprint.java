package io.datagraph.engine.run;

import io.datagraph.RunRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * What an idempotent start remembers of its request, to tell a repeated request from a different one
 * under the same key: a digest of each part a user would name — the flow (its processors, outputs,
 * open inputs, workers and retries), the input values, the retention — written as
 * {@code flow=<hex>;inputs=<hex>;retention=<hex>}. Parts are put in a canonical order first (sets and
 * maps sorted), so equal requests give equal fingerprints on every node, whatever their iteration order.
 *
 * <p>Immutable.
 */
public record RequestFingerprint(Map<String, String> parts) {

    private static final Map<String, String> PART_NAMES = Map.of(
            "flow", "the flow (processors, outputs, open inputs, workers or retries)",
            "inputs", "the input values",
            "retention", "the retention");

    /**
     * The id of the run an idempotency key of a caller stands for: the same on every node, so that the
     * store's refusal to create a run twice is what makes concurrent duplicates start one run.
     *
     * @param caller who starts it ({@link RunRequest#startedBy}), {@code ""} for nobody in particular
     */
    public static String runId(String caller, String key) {
        return UUID.nameUUIDFromBytes(("datagraph idempotent start\n" + caller + "\n" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The fingerprint of a request; {@code json} writes one input value as JSON text. */
    public static RequestFingerprint of(RunRequest request, Function<Object, String> json) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("flow", digest(List.of(request.flow().name().orElse(""), String.join(",", request.flow().processors()),
                request.outputSelection().name(), String.join(",", new TreeSet<>(request.openInputs())),
                new TreeMap<>(request.concurrency()).toString(), new TreeMap<>(request.retries()).toString())));
        List<String> inputs = new ArrayList<>();
        new TreeMap<>(request.inputs()).forEach((name, values) -> {
            inputs.add(name);
            values.forEach(value -> inputs.add(json.apply(value)));
        });
        parts.put("inputs", digest(inputs));
        parts.put("retention", digest(List.of(request.retention().map(ttl -> String.valueOf(ttl.toMillis())).orElse(""))));
        return new RequestFingerprint(Map.copyOf(parts));
    }

    /** Reads a fingerprint as {@link #toString()} wrote it; an empty text (a run started without a key) has no parts. */
    public static RequestFingerprint parse(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        return new RequestFingerprint(Map.copyOf(parts));
    }

    /**
     * What differs from the request {@code recorded} stands for, in words; empty when nothing does, or
     * when nothing was recorded (a run that lost its record when the store did is still that run).
     */
    public List<String> differencesFrom(RequestFingerprint recorded) {
        List<String> differences = new ArrayList<>();
        for (String part : List.of("flow", "inputs", "retention")) {
            String theirs = recorded.parts().get(part);
            if (theirs != null && !theirs.equals(parts.get(part))) {
                differences.add(PART_NAMES.get(part));
            }
        }
        return differences;
    }

    @Override
    public String toString() {
        return "flow=" + parts.get("flow") + ";inputs=" + parts.get("inputs") + ";retention=" + parts.get("retention");
    }

    /** The first 16 bytes of SHA-256 over the texts, each prefixed by its length so that no two lists collide. */
    private static String digest(List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
