package io.datagraph.engine.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Lua scripts through which every change to a run goes, with their sources. A script runs
 * atomically, so state transitions (a partition advancing, a run completing or failing) happen
 * exactly once, with no lock and no polling. The sources sit beside this class as
 * {@code <name>.lua}; {@link Scripts} has the one typed method that calls each.
 */
public enum Script {
    ADMIT,
    HISTORY_END,
    HISTORY_PAGE,
    HISTORY_FORGET,
    CREATE("split_lib.lua"),
    ATTEMPT("rates_lib.lua", "ids_lib.lua", "trim_lib.lua", "read_lib.lua"),
    APPEND("rates_lib.lua", "backlog_lib.lua", "fence_lib.lua", "refused_lib.lua", "split_lib.lua", "append_lib.lua"),
    APPEND_INPUT("rates_lib.lua", "fence_lib.lua", "refused_lib.lua", "split_lib.lua", "append_lib.lua"),
    CLOSE("fence_lib.lua", "refused_lib.lua"),
    FINISH("fence_lib.lua", "ended_lib.lua", "finish_lib.lua", "rates_lib.lua", "split_lib.lua", "append_lib.lua"),
    FAIL("stop_lib.lua", "ended_lib.lua"),
    CANCEL("stop_lib.lua", "ended_lib.lua"),
    READ("rates_lib.lua", "ids_lib.lua", "trim_lib.lua", "read_lib.lua"),
    BACKLOG("backlog_lib.lua"),
    ENSURE_GROUP,
    CLAIM,
    COMMIT("rates_lib.lua", "ids_lib.lua", "trim_lib.lua"),
    KEEP_ALIVE,
    DRAIN("ended_lib.lua", "finish_lib.lua"),
    RESTART,
    DISPATCH_KEEP,
    DISPATCH_DONE,
    MARKER,
    TOMBSTONE;

    private final String source;

    /** @param libraries Lua files of shared functions the script calls, prepended to its source */
    Script(String... libraries) {
        StringBuilder text = new StringBuilder();
        for (String library : libraries) {
            text.append(read(library)).append('\n');
        }
        source = text.append(read(name().toLowerCase(java.util.Locale.ROOT) + ".lua")).toString();
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

    /** The script's name as metrics label it: its file's name without {@code .lua} ({@code append_input}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
