package io.datagraph.engine.protocol;

/**
 * The keys an installation (every node sharing one {@code datagraph.key-prefix}) keeps besides its
 * runs' own ({@link RunKeys}).
 *
 * <ul>
 *   <li>{@code <prefix>:protocol} — string: the {@link ProtocolVersion} the installation's nodes speak;</li>
 *   <li>{@code <prefix>:signals} — pub/sub channel of {@link SignalMessage}s;</li>
 *   <li>{@code <prefix>:{runs}:running} — sorted set of the ids of running runs, scored by admission time (ms);</li>
 *   <li>{@code <prefix>:{runs}:recent} — sorted set of recent run ids, scored by start time (ms); the hash tag
 *       keeps both sets in one Cluster slot, so that admitting a run updates both in one script;</li>
 *   <li>{@code <prefix>:processors} — hash: processor name → its signature (JSON);</li>
 *   <li>{@code <prefix>:nodes} — sorted set of live node ids, scored by when their liveness expires (ms);</li>
 *   <li>{@code <prefix>:nodes:<processor>} — the same, for the nodes serving one processor;</li>
 *   <li>{@code <prefix>:elementwise:<processor>} — sorted set of the runs whose element-wise processor is
 *       running, so that every node serving it joins them (score: when it started, ms);</li>
 *   <li>{@code <prefix>:{dispatch}:<processor>} — stream of invocations dispatched to whoever serves the
 *       processor ({@link DispatchEntry}), read by the consumer group {@value #DISPATCH_GROUP}; the hash tag
 *       keeps every dispatch stream in one Cluster slot.</li>
 * </ul>
 */
public record StoreKeys(String prefix) {

    /** The consumer group of every dispatch stream; each node is one consumer, named by its node id. */
    public static final String DISPATCH_GROUP = "workers";

    public static String signalChannel(String prefix) {
        return prefix + ":signals";
    }

    public String signalChannel() {
        return signalChannel(prefix);
    }

    public String protocol() {
        return prefix + ":protocol";
    }

    /** The store's identity marker ({@code marker.lua}). */
    public String marker() {
        return prefix + ":store";
    }

    public String running() {
        return prefix + ":{runs}:running";
    }

    public String recentRuns() {
        return prefix + ":{runs}:recent";
    }

    public String processors() {
        return prefix + ":processors";
    }

    public String liveNodes() {
        return prefix + ":nodes";
    }

    public String nodesServing(String processor) {
        return prefix + ":nodes:" + processor;
    }

    public String elementWiseRuns(String processor) {
        return prefix + ":elementwise:" + processor;
    }

    public String dispatch(String processor) {
        return prefix + ":{dispatch}:" + processor;
    }

    public RunKeys run(String runId) {
        return new RunKeys(prefix, runId);
    }
}
