package io.datagraph.engine.exec;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's default concurrency resources, looked up by their standard names rather than injected
 * with {@code @Resource}: Payara fails a WAR whose library jar (the engine in a processor WAR) declares
 * such a field, binding it to an environment entry that does not exist. A lookup that finds nothing
 * (plain CDI, a server without the resource) answers null.
 */
final class ServerResources {

    static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";
    /**
     * Where the default executor is looked up, in order: {@link #EXECUTOR}, then the names WildFly and Payara
     * also bind it under, which any thread sees: {@code java:comp} is visible only to a thread working for a
     * component (a request's), not to a thread of the {@code ManagedThreadFactory} (on WildFly) or a
     * deployment thread.
     */
    static final java.util.List<String> EXECUTOR_NAMES = java.util.List.of(EXECUTOR,
            "java:jboss/ee/concurrency/executor/default", "concurrent/__defaultManagedExecutorService");
    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private ServerResources() {
    }

    /**
     * Whether this JVM has a naming service at all: false under plain CDI (tests, Weld SE), where no
     * initial context can be made and so no thread finds any resource.
     */
    static boolean namingAvailable() {
        try {
            InitialContext.doLookup(EXECUTOR);
            return true;
        } catch (javax.naming.NoInitialContextException none) {
            return false;
        } catch (NamingException | RuntimeException other) {
            return true;
        }
    }

    /** The resource bound at {@code name} if it is a {@code type}, else null. */
    static <T> T lookup(String name, Class<T> type) {
        try {
            Object found = InitialContext.doLookup(name);
            return type.isInstance(found) ? type.cast(found) : null;
        } catch (NamingException | RuntimeException absent) {
            return null;
        }
    }
}
