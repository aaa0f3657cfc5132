package io.datagraph.engine.config;

import io.datagraph.spi.ProcessorExecutor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment on a bad {@code datagraph.*} value, with one problem per bad value, each naming
 * the key and the value (never a secret's): a negative window, a malformed duration, an unknown
 * executor, a cluster list with a bad URL. It needs no store: an unreachable store makes readiness
 * DOWN, not the deployment fail. Keys it does not know are ignored (servers and scripts pass their own).
 */
public class ConfigurationCheck implements Extension {

    void check(@Observes AfterDeploymentValidation deployment, BeanManager beans) {
        Config config = ConfigProvider.getConfig();
        EngineConfig.Settings.check(config).forEach(problem ->
                deployment.addDeploymentProblem(new InvalidConfigurationException(problem)));
        ExecutorSettings executor = ExecutorSettings.read(new ConfigReader(config));
        if (executor.custom() && beans.getBeans(ProcessorExecutor.class, NamedLiteral.of(executor.mode())).isEmpty()) {
            deployment.addDeploymentProblem(new InvalidConfigurationException(new ConfigProblem(
                    "datagraph.executor.mode", "is '" + executor.mode() + "': it must be local, store or the @Named"
                    + " name of a CDI bean implementing io.datagraph.spi.ProcessorExecutor, and no such bean is named so")));
        }
    }
}
