/**
 * Reading and writing a run's streams: {@link io.datagraph.engine.io.StoreIO} (an {@code IO} over a
 * cursor per reader) and {@link io.datagraph.engine.io.StoreEmitter} (batched, pipelined appends with
 * backpressure), values as JSON through {@link io.datagraph.engine.io.ValueCodec}. Entries and scripts
 * come from {@code engine.protocol}; this package decides when to call them.
 */
package io.datagraph.engine.io;
