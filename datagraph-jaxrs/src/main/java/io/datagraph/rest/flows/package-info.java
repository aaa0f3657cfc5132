/** {@code /flows}: starting runs, their state, outputs as JSON or Server-Sent Events, open inputs, the live feed. */
package io.datagraph.rest.flows;
