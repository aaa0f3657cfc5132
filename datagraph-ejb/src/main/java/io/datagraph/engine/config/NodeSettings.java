package io.datagraph.engine.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This node among the others ({@code datagraph.node.*}, {@code datagraph.processors.enabled}).
 *
 * @param id                this node's name in the store's directory (default: host name, process id and a
 *                          random suffix, fixed for the life of the process)
 * @param heartbeat         how often the node renews its directory entry; it counts as gone after three missed beats
 * @param enabledProcessors the processors this node serves when set; empty: all it has
 * @param warmUpValues      how many values the engine writes and reads back at deployment, before it reports
 *                          ready, so that the first run is not slowed by class loading and compilation; 0: none
 *                          (and no warm-up at all)
 * @param warmUpRuns        how many small runs (of 10 values) the engine runs after that one,
 *                          and the REST layer reads over HTTP, so that the per-run and per-request code a user's
 *                          first start and read take is compiled, not interpreted: the just-in-time compiler
 *                          compiles a method once it has run a few hundred times; 0: none
 */
public record NodeSettings(String id, Duration heartbeat, Optional<Set<String>> enabledProcessors, long warmUpValues,
                           int warmUpRuns) {

    /** Fixed for the life of the process, so every engine of it sees the same default id. */
    private static final String DEFAULT_ID = defaultId();

    static NodeSettings read(ConfigReader in) {
        return new NodeSettings(
                in.text("datagraph.node.id", DEFAULT_ID),
                in.duration("datagraph.node.heartbeat", Duration.ofMillis(10), "PT2S"),
                in.optional("datagraph.processors.enabled")
                        .map(names -> Set.copyOf(new LinkedHashSet<>(Arrays.asList(names.split("\\s*,\\s*"))))),
                in.atLeast("datagraph.node.warm-up-values", 0L, 200_000L),
                in.atLeast("datagraph.node.warm-up-runs", 0, 200));
    }

    private static String defaultId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffff, 36);
    }
}
