package io.datagraph.engine.protocol;

import java.util.List;
import java.util.function.Function;

/**
 * One call of a {@link Script}, assembled by {@link Scripts} and run by the store client: its keys
 * (the first routes it to its Cluster slot), its arguments, how Redis returns its reply and how
 * that reply reads as a Java value. Immutable.
 *
 * @param <R> the reply, typed
 */
public record ScriptCall<R>(Script script, Returns returns, List<Object> keys, List<Object> args,
                            Function<Object, R> reader) {

    /** The shape of the script's raw reply. */
    public enum Returns { VALUE, INTEGER, MULTI }

    public ScriptCall {
        keys = List.copyOf(keys);
        args = List.copyOf(args);
    }

    /** The key that routes the call. */
    public String routingKey() {
        return (String) keys.get(0);
    }

    /** The typed reply of a raw one. */
    public R read(Object raw) {
        return reader.apply(raw);
    }
}
