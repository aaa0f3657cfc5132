/**
 * Node-to-node transport through the store, no broker: the directory of live nodes and the processors
 * they serve ({@link io.datagraph.engine.node.NodeDirectory}), and dispatch of an invocation by processor
 * name to whichever node serving it takes it first ({@link io.datagraph.engine.node.Dispatcher}, the
 * {@code store} executor). Knows runs only by id; hands work on through
 * {@link io.datagraph.engine.node.DispatchReceiver}.
 */
package io.datagraph.engine.node;
