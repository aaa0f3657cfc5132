package io.datagraph.testing;

import io.datagraph.engine.store.StoreClient;

/** Counts the keys of runs in the store: to show that a refused request wrote nothing. */
public final class RunKeyCount {

    private RunKeyCount() {
    }

    /** Keys of runs (their ids are UUIDs, so they hold dashes; the node directory's keys do not). */
    public static long of(StoreClient store) {
        return of(store, "dg");
    }

    /** Keys of runs under another key prefix ({@code datagraph.key-prefix}). */
    public static long of(StoreClient store, String keyPrefix) {
        long count = 0;
        for (String ignored : store.redisson().getKeys().getKeysByPattern(keyPrefix + ":{*-*}:*")) {
            count++;
        }
        return count;
    }
}
