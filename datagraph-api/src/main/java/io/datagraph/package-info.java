/**
 * Datagraph's programming model, all an application needs to write and run processors: the
 * {@link io.datagraph.Processor @Processor} annotation, {@link io.datagraph.IO} to read a stream and
 * {@link io.datagraph.Emitter} to write one, and the {@link io.datagraph.Datagraph} facade to start
 * {@link io.datagraph.Run}s and follow them. Flows and their resolution are in {@code io.datagraph.flow},
 * drawings of them in {@code io.datagraph.graph}, the executor SPI in {@code io.datagraph.spi}. Nothing
 * here depends on the engine or on the store.
 */
package io.datagraph;
