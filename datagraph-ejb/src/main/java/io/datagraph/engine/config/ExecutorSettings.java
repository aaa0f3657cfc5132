package io.datagraph.engine.config;

import java.time.Duration;

/**
 * How processors are run here ({@code datagraph.executor.*}).
 *
 * @param mode            {@code local} (this node's pool), {@code store} (dispatch every processor through the
 *                        store, so another node can take it over), or the {@code @Named} name of an application's
 *                        {@code ProcessorExecutor} bean
 * @param jndi            JNDI name of the {@code ManagedExecutorService} the local executor uses
 * @param fallbackThreads size of the private pool used when no {@code ManagedExecutorService} is found
 * @param helpAfter       how long a processor may sit queued before a reader blocked on its output runs it
 *                        on its own thread (what keeps a small pool from deadlocking)
 */
public record ExecutorSettings(String mode, String jndi, int fallbackThreads, Duration helpAfter) {

    public static final String LOCAL = "local";
    public static final String STORE = "store";

    static ExecutorSettings read(ConfigReader in) {
        String mode = in.text("datagraph.executor.mode", LOCAL);
        if (!mode.matches("[A-Za-z_$][A-Za-z0-9_$.-]*")) {
            in.problem("datagraph.executor.mode", mode, "it must be local, store or the @Named name of a"
                    + " ProcessorExecutor bean");
            mode = LOCAL;
        }
        return new ExecutorSettings(mode,
                in.text("datagraph.executor.jndi", "java:comp/DefaultManagedExecutorService"),
                in.atLeast("datagraph.executor.fallback-threads", 1, 16),
                in.duration("datagraph.executor.help-after", Duration.ZERO, "PT0.05S"));
    }

    /** Whether an application's own executor is selected. */
    public boolean custom() {
        return !LOCAL.equals(mode) && !STORE.equals(mode);
    }
}
