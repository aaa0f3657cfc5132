package io.datagraph.engine.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The store keys of one run. Every key carries the run id as a hash tag ({@code {id}}) so that a
 * run lives in one slot of a Redis Cluster and its scripts may touch all of its keys at once.
 *
 * <ul>
 *   <li>{@code <prefix>:{<run>}:meta} — hash of the run's state, fields named in {@link MetaField};</li>
 *   <li>{@code <prefix>:{<run>}:io:<name>} — the stream of one IO, entries as {@link EntryCodec} writes them;</li>
 *   <li>{@code <prefix>:{<run>}:work:<processor>} — the work units of an element-wise processor ({@link WorkUnit}),
 *       claimed by its workers through the consumer group {@value WorkUnit#GROUP};</li>
 *   <li>{@code <prefix>:{<run>}:held:<processor>} — an ordered element-wise processor's results waiting for
 *       earlier ones, by place (commit.lua);</li>
 *   <li>{@code <prefix>:{<run>}:dead} — the run's dead letters ({@link DeadLetterEntry});</li>
 *   <li>{@code <prefix>:{<run>}:appended} — hash of the keys of the appends its open inputs took, field
 *       {@code <input>:<key>}, so a repeated append writes nothing (append_input.lua).</li>
 * </ul>
 */
public record RunKeys(String prefix, String runId) {

    public String meta() {
        return prefix + ":{" + runId + "}:meta";
    }

    public String stream(String name) {
        return prefix + ":{" + runId + "}:io:" + name;
    }

    public String work(String processor) {
        return prefix + ":{" + runId + "}:work:" + processor;
    }

    /** An ordered element-wise processor's results waiting for earlier ones (a hash by place). */
    public String held(String processor) {
        return prefix + ":{" + runId + "}:held:" + processor;
    }

    public String deadLetters() {
        return prefix + ":{" + runId + "}:dead";
    }

    /** The keys of the appends the run's open inputs took (a hash, field {@code <input>:<key>}). */
    public String appended() {
        return prefix + ":{" + runId + "}:appended";
    }

    /** The keys of a run besides its meta hash and streams: its element-wise processors' work and its dead letters. */
    public List<Object> elementKeys(Collection<String> elementWiseProcessors) {
        List<Object> keys = new ArrayList<>();
        elementWiseProcessors.forEach(processor -> {
            keys.add(work(processor));
            keys.add(held(processor));
        });
        if (!elementWiseProcessors.isEmpty()) {
            keys.add(deadLetters());
        }
        return keys;
    }

    /** The channel on which the scripts signal this run's writes and end (see {@link SignalMessage}). */
    public String signalChannel() {
        return StoreKeys.signalChannel(prefix);
    }

    /** The meta key followed by the stream key of each name, in order: the KEYS of run-wide scripts. */
    public List<Object> metaAndStreams(Collection<String> names) {
        List<Object> keys = new ArrayList<>(names.size() + 1);
        keys.add(meta());
        names.forEach(name -> keys.add(stream(name)));
        return keys;
    }
}
