package io.datagraph.engine.config;

import jakarta.enterprise.inject.spi.DeploymentException;

/** A configuration value the engine cannot run with; fails the deployment, naming the key and value. */
public class InvalidConfigurationException extends DeploymentException {

    private final transient ConfigProblem problem;

    public InvalidConfigurationException(ConfigProblem problem) {
        super("invalid Datagraph configuration: " + problem);
        this.problem = problem;
    }

    public ConfigProblem problem() {
        return problem;
    }
}
