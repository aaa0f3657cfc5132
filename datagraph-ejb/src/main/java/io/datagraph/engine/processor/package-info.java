/**
 * Discovery of {@code @Processor} methods (a CDI extension) and their validation at deployment, with one
 * message per mistake naming the processor and the parameter; the registry of processors this node serves.
 */
package io.datagraph.engine.processor;
