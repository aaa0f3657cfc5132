package io.datagraph.engine.protocol;

/**
 * The keys an installation (every node sharing one {@code datagraph.key-prefix}) keeps besides its
 * runs' own ({@link RunKeys}).
 *
 * <ul>
 *   <li>{@code <prefix>:protocol} — string: the {@link ProtocolVersion} the installation's nodes speak;</li>
 *   <li>{@code <prefix>:signals} — pub/sub channel of {@link SignalMessage}s;</li>
 *   <li>{@code <prefix>:{runs}:running} — sorted set of the ids of running runs, scored by admission time (ms);</li>
 *   <li>{@code <prefix>:{runs}:history} — sorted set of every run id the store may still hold, scored by start
 *       time (ms); {@code <prefix>:{runs}:history:status:<status>}, {@code …:by:<user>} and
 *       {@code …:processor:<name>} — the same, by status now, by who started the run and by processor;
 *       {@code <prefix>:{runs}:history:runs} — hash: run id → its status, who started it and its processors,
 *       tab-separated. The hash tag keeps all of them and the running set in one Cluster slot, so that
 *       admitting a run updates them in one script. Best effort: each listed run is checked against the run
 *       itself, whose keys live in another slot ({@code RunHistory});</li>
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

    /** The statuses the history indexes runs by, in the order its scripts take their keys. */
    public static final java.util.List<String> HISTORY_STATUSES = java.util.List.of("RUNNING", "COMPLETED", "FAILED",
            "CANCELLED");

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

    public String history() {
        return prefix + ":{runs}:history";
    }

    public String historySummaries() {
        return prefix + ":{runs}:history:runs";
    }

    public String historyByStatus(String status) {
        return prefix + ":{runs}:history:status:" + status;
    }

    public String historyBy(String user) {
        return prefix + ":{runs}:history:by:" + user;
    }

    public String historyByProcessor(String processor) {
        return prefix + ":{runs}:history:processor:" + processor;
    }

    /**
     * Every history index that may list a run started by {@code startedBy} ({@code ""}: nobody in
     * particular) with these processors: the whole history, each status's, its user's and its processors'.
     */
    public java.util.List<String> historyIndexes(String startedBy, java.util.Collection<String> processors) {
        java.util.List<String> indexes = new java.util.ArrayList<>(java.util.List.of(history()));
        HISTORY_STATUSES.forEach(status -> indexes.add(historyByStatus(status)));
        if (!startedBy.isEmpty()) {
            indexes.add(historyBy(startedBy));
        }
        processors.forEach(processor -> indexes.add(historyByProcessor(processor)));
        return indexes;
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
