/** {@code /flows/{id}/graph} and {@code /graph}: a run's or a flow's graph in the format {@code Accept} asks for. */
package io.datagraph.rest.graph;
