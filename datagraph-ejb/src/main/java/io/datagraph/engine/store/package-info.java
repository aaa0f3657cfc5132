/**
 * The connection to the store: one Redisson client ({@link io.datagraph.engine.store.StoreClient}) that
 * runs the protocol's script calls and turns store errors into {@code StoreUnavailableException}, and the
 * one pub/sub subscription that wakes readers waiting for a run's streams ({@link io.datagraph.engine.store.Signals}).
 */
package io.datagraph.engine.store;
