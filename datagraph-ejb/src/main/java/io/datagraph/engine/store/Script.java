package io.datagraph.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Lua scripts through which every change to a run goes. A script runs atomically, so state
 * transitions (a partition advancing, a run completing or failing) happen exactly once, with no
 * lock and no polling. The sources sit beside this class as {@code <name>.lua}.
 */
public enum Script {
    /** Counts a new run among the running ones, unless {@code datagraph.limits.concurrent-runs} are running. */
    ADMIT,
    /** Writes a run's status, plan and input values. */
    CREATE,
    /** Starts an attempt of a processor, fencing off older attempts' writes. */
    ATTEMPT,
    /** Appends one batch of values to a stream if the run is running and the stream open. */
    APPEND("rates_lib.lua", "backlog_lib.lua", "fence_lib.lua"),
    /** Completes one stream (an emitter closing early). */
    CLOSE("fence_lib.lua"),
    /** A processor returned: completes its outputs, advances the partition, maybe completes the run. */
    FINISH("fence_lib.lua"),
    /** Marks a run failed by a processor. */
    FAIL,
    /** Marks a run cancelled and deletes its streams. */
    CANCEL,
    /** Reads the next entries of a stream together with the run's status; records the reader's progress. */
    READ("rates_lib.lua", "ids_lib.lua"),
    /** How far the running readers of a stream lag behind its writer. */
    BACKLOG("backlog_lib.lua");

    private final String source;

    /** @param libraries Lua files of shared functions the script calls, prepended to its source */
    Script(String... libraries) {
        StringBuilder text = new StringBuilder();
        for (String library : libraries) {
            text.append(read(library)).append('\n');
        }
        source = text.append(read(name().toLowerCase() + ".lua")).toString();
    }

    private static String read(String resource) {
        try (InputStream in = Script.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String source() {
        return source;
    }
}
