/**
 * The engine: the CDI implementation of {@link io.datagraph.Datagraph}. Read the packages in this order:
 * <ul>
 *   <li>{@code protocol} — the store's wire format: every key, meta-hash field, stream entry, script and
 *       signal; pure, tested without Redis;</li>
 *   <li>{@code store} — the one Redisson client that runs the protocol's script calls, and the signal
 *       subscription that wakes waiting readers;</li>
 *   <li>{@code io} — reading and writing streams ({@code IO}, {@code Emitter}) with batching and
 *       backpressure;</li>
 *   <li>{@code run} — run supervision: starting runs, handing processors to executors, recording their
 *       end, failing runs whose node died;</li>
 *   <li>{@code node} — node-to-node transport: the directory of nodes and processors, dispatch by name;
 *       it knows nothing of run supervision and hands work on through {@code DispatchReceiver};</li>
 *   <li>{@code exec} — the threads: the {@code local} executor on {@code ManagedExecutorService}, and the
 *       managed threads of the engine's background work;</li>
 *   <li>{@code processor} — discovery and validation of {@code @Processor} methods at deployment;</li>
 *   <li>{@code config} — every {@code datagraph.*} setting, grouped and checked at deployment;</li>
 *   <li>{@code health} — MicroProfile Health readiness and liveness.</li>
 * </ul>
 * No package cycle: a build test over the compiled classes fails on a new one.
 */
package io.datagraph.engine;
