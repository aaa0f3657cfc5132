package io.datagraph.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may call the REST API, from MicroProfile Config. Off by default (a local {@code ./serve});
 * when on, every call needs an authenticated user in {@link #role()} or {@link #adminRole()}, and a
 * run is visible only to whoever started it and to admins unless {@link #runsShared()}. Users,
 * passwords and groups live in the server's realm, not here.
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    @ConfigProperty(name = "datagraph.rest.security.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "datagraph.rest.security.role", defaultValue = "datagraph")
    String role;

    @Inject
    @ConfigProperty(name = "datagraph.rest.security.admin-role", defaultValue = "datagraph-admin")
    String adminRole;

    @Inject
    @ConfigProperty(name = "datagraph.rest.security.runs-shared", defaultValue = "false")
    boolean runsShared;

    public boolean enabled() {
        return enabled;
    }

    /** The role every caller needs. */
    public String role() {
        return role;
    }

    /** The role that may also read, feed and cancel every run, whoever started it. */
    public String adminRole() {
        return adminRole;
    }

    /** Whether every caller with {@link #role()} may use any run, not only those they started. */
    public boolean runsShared() {
        return runsShared;
    }
}
