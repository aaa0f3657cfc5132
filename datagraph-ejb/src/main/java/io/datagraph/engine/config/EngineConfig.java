package io.datagraph.engine.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * Every engine setting, read once from MicroProfile Config (keys prefixed {@code datagraph.}) and
 * grouped per concern. Each value is checked when the application deploys ({@link ConfigurationCheck});
 * the README lists each key, keep the two in step. Immutable; thread-safe.
 */
@ApplicationScoped
public class EngineConfig {

    private Settings settings;

    @PostConstruct
    void read() {
        settings = Settings.read(ConfigProvider.getConfig());
    }

    public StoreSettings store() {
        return settings.store();
    }

    public StreamSettings streams() {
        return settings.streams();
    }

    public ExecutorSettings executor() {
        return settings.executor();
    }

    public NodeSettings node() {
        return settings.node();
    }

    public LimitSettings limits() {
        return settings.limits();
    }

    public SecuritySettings security() {
        return settings.security();
    }

    public RestSettings rest() {
        return settings.rest();
    }

    public ElementWiseSettings elementWise() {
        return settings.elementWise();
    }

    /** All groups, read and checked together. */
    record Settings(StoreSettings store, StreamSettings streams, ExecutorSettings executor, NodeSettings node,
                    LimitSettings limits, SecuritySettings security, RestSettings rest, ElementWiseSettings elementWise) {

        /** @throws InvalidConfigurationException for the first bad value (the deployment check reports all) */
        static Settings read(Config config) {
            ConfigReader in = new ConfigReader(config);
            Settings settings = new Settings(StoreSettings.read(in), StreamSettings.read(in), ExecutorSettings.read(in),
                    NodeSettings.read(in), LimitSettings.read(in), SecuritySettings.read(in), RestSettings.read(in),
                    ElementWiseSettings.read(in));
            List<ConfigProblem> problems = in.problems();
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems.get(0));
            }
            return settings;
        }

        /** Every bad value of {@code config}. */
        static List<ConfigProblem> check(Config config) {
            ConfigReader in = new ConfigReader(config);
            StoreSettings.read(in);
            StreamSettings.read(in);
            ExecutorSettings.read(in);
            NodeSettings.read(in);
            LimitSettings.read(in);
            SecuritySettings.read(in);
            RestSettings.read(in);
            ElementWiseSettings.read(in);
            return in.problems();
        }
    }
}
