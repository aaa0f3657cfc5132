/** {@code /processors}: the processors known to the installation. */
package io.datagraph.rest.processors;
