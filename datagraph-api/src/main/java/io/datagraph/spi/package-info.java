/**
 * The service-provider interface of the engine: what an execution back-end implements to run
 * processors ({@link io.datagraph.spi.ProcessorExecutor}, given {@link io.datagraph.spi.ProcessorTask}s).
 * Applications write processors against {@code io.datagraph}; only back-end authors need this package.
 */
package io.datagraph.spi;
