/**
 * Threads: the {@code local} {@link io.datagraph.spi.ProcessorExecutor} on the server's
 * {@code ManagedExecutorService} (a private pool outside a server), and the managed threads the engine's
 * own background work (dispatch loop, heartbeat, watchdog) runs on.
 */
package io.datagraph.engine.exec;
