/**
 * The test kit: JUnit 5 support for testing processors against the real engine on a real
 * Redis/Valkey server, never a mock.
 *
 * <ul>
 *   <li>{@link io.datagraph.test.DatagraphTest} — the annotation of a test class: store, engine, injection;</li>
 *   <li>{@link io.datagraph.test.FlowTester} — run a flow and read its outputs in one line;</li>
 *   <li>{@link io.datagraph.test.TestEngine} — an engine started by hand (a second node, a restart);</li>
 *   <li>{@link io.datagraph.test.TestStore}, {@link io.datagraph.test.RedisServer},
 *       {@link io.datagraph.test.RedisCluster} — the store: the run's shared server, or servers of your own
 *       (stopped, paused, restarted, in a Cluster or behind Sentinels);</li>
 *   <li>{@link io.datagraph.test.TestConfig} — configuration by keys, above every other source.</li>
 * </ul>
 *
 * The Redis binary is {@code $DATAGRAPH_REDIS_SERVER}, else {@code valkey-server} or
 * {@code redis-server} on the PATH, else the one the {@code embedded-redis} artifact carries.
 */
package io.datagraph.test;
