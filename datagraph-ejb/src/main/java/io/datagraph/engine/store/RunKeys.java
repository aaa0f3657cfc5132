package io.datagraph.engine.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The store keys of one run. Every key carries the run id as a hash tag ({@code {id}}) so that a
 * run lives in one slot of a Redis Cluster and its scripts may touch all of its keys at once.
 *
 * <ul>
 *   <li>{@code <prefix>:{<run>}:meta} — hash: status, plan, failure, partition counters, and per
 *       stream {@code count:<io>}, {@code closed:<io>}, {@code seq:<io>};</li>
 *   <li>{@code <prefix>:{<run>}:io:<name>} — the stream of one IO.</li>
 * </ul>
 */
public record RunKeys(String prefix, String runId) {

    public String meta() {
        return prefix + ":{" + runId + "}:meta";
    }

    public String stream(String name) {
        return prefix + ":{" + runId + "}:io:" + name;
    }

    /** The meta key followed by the stream key of each name, in order: the KEYS of run-wide scripts. */
    public List<Object> metaAndStreams(Collection<String> names) {
        List<Object> keys = new ArrayList<>(names.size() + 1);
        keys.add(meta());
        names.forEach(name -> keys.add(stream(name)));
        return keys;
    }

    /** The pub/sub channel on which every run of this installation signals new data and status changes. */
    public static String signalChannel(String prefix) {
        return prefix + ":signals";
    }
}
