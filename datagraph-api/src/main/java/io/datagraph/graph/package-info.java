/**
 * Drawings of a flow or a run: Mermaid, SVG, DOT and a plain-text tree, with live counts when a run
 * is drawn. Pure logic, no store.
 */
package io.datagraph.graph;
