package io.datagraph.rest.security;

import io.datagraph.engine.config.EngineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may call the REST API ({@code datagraph.rest.security.*}). Off by default (a local
 * {@code ./serve}); when on, every call needs an authenticated user in {@link #role()} or
 * {@link #adminRole()}, and a run is visible only to whoever started it and to admins unless
 * {@link #runsShared()}. Users, passwords and groups live in the server's realm, not here.
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    EngineConfig config;

    public boolean enabled() {
        return config.rest().securityEnabled();
    }

    /** The role every caller needs. */
    public String role() {
        return config.rest().role();
    }

    /** The role that may also read, feed and cancel every run, whoever started it. */
    public String adminRole() {
        return config.rest().adminRole();
    }

    /** Whether every caller with {@link #role()} may use any run, not only those they started. */
    public boolean runsShared() {
        return config.rest().runsShared();
    }
}
