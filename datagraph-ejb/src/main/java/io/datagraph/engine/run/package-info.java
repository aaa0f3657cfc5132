/**
 * Run supervision on this node: {@link io.datagraph.engine.run.Supervisor} starts runs, hands each due
 * processor to the executor {@link io.datagraph.engine.run.ExecutorSelection} picks, and records its end;
 * {@link io.datagraph.engine.run.RunRepository} reads and changes run state through the protocol's
 * scripts; {@link io.datagraph.engine.run.RunWatchdog} fails runs whose node died.
 */
package io.datagraph.engine.run;
