/**
 * The store's wire format, in one place: a reader learns here every key ({@link io.datagraph.engine.protocol.RunKeys},
 * {@link io.datagraph.engine.protocol.StoreKeys}), every field of a run's meta hash
 * ({@link io.datagraph.engine.protocol.MetaField}), how values are batched, signed and encoded in stream
 * entries ({@link io.datagraph.engine.protocol.EntryCodec}), each Lua script beside its one typed call
 * ({@link io.datagraph.engine.protocol.Scripts}), the messages on the signal channel
 * ({@link io.datagraph.engine.protocol.SignalMessage}) and the version of all this
 * ({@link io.datagraph.engine.protocol.ProtocolVersion}). Pure: it assembles calls and reads replies,
 * the store client runs them; tested without Redis.
 */
package io.datagraph.engine.protocol;
