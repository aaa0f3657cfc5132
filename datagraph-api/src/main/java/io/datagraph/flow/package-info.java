/**
 * Flows: processors wired by matching stream names, and their resolution into partitions, with one
 * exception per way a flow can be wrong (unknown processor, an output produced twice, a cycle,
 * missing inputs). Pure logic, no store.
 */
package io.datagraph.flow;
