package io.datagraph.rest.security;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;

import java.security.Principal;
import java.util.Optional;

/**
 * The runs the current caller may use: with access control on and runs not shared, those the caller
 * started, or all of them for the admin role. Runs started over the API record their caller.
 */
@RequestScoped
public class RunAccess {

    @Inject
    Datagraph datagraph;

    @Inject
    AccessPolicy policy;

    /** CDI's built-in bean for the current request (JAX-RS's @Context reaches resources and providers only). */
    @Inject
    HttpServletRequest request;

    /** The request as this caller's: it records who starts the run. */
    public RunRequest startedByCaller(RunRequest run) {
        return caller().map(run::startedBy).orElse(run);
    }

    /**
     * A run the caller may use.
     *
     * @throws io.datagraph.UnknownRunException if there is no such run
     * @throws ForbiddenException               if another user started it
     */
    public Run run(String id) {
        Run run = datagraph.run(id);
        if (!visible(run)) {
            throw new ForbiddenException("run " + id + " was started by another user; only they and role '"
                    + policy.adminRole() + "' may use it");
        }
        return run;
    }

    /** Whether the caller may see the run (listings skip the others). */
    public boolean visible(Run run) {
        return seesEveryRun() || caller().isPresent() && run.startedBy().equals(caller());
    }

    /** The caller whose runs alone they may see, or empty when they may see every run. */
    public Optional<String> onlyRunsOf() {
        return seesEveryRun() ? Optional.empty() : Optional.of(caller().orElse(""));
    }

    /** Whether no run is hidden from the caller. */
    public boolean seesEveryRun() {
        return !policy.enabled() || policy.runsShared() || request.isUserInRole(policy.adminRole());
    }

    private Optional<String> caller() {
        return Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName);
    }
}
