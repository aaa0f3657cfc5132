package io.datagraph.testing;

import io.datagraph.engine.store.StoreClient;

/** Counts the keys of runs in the store: to show that a refused request wrote nothing. */
public final class RunKeyCount {

    private RunKeyCount() {
    }

    /** Keys of runs (their ids are UUIDs, so they hold dashes; the node directory's keys do not). */
    public static long of(StoreClient store) {
        long count = 0;
        for (String ignored : store.redisson().getKeys().getKeysByPattern("dg:{*-*}:*")) {
            count++;
        }
        return count;
    }
}
