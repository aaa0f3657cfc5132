/**
 * Every {@code datagraph.*} setting, read from MicroProfile Config into one record per concern (store,
 * streams, executor, node, limits, security, REST) and checked when the application deploys: a bad value
 * fails the deployment with a message naming the key and the value ({@link io.datagraph.engine.config.ConfigurationCheck}).
 */
package io.datagraph.engine.config;
