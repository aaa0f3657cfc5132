package io.datagraph.engine.processor;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.flow.ProcessorSignature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The processors this node serves, by name: those the deployment implements, narrowed to
 * {@code datagraph.processors.enabled} when set. Immutable after start; thread-safe.
 */
@ApplicationScoped
public class ProcessorRegistry {

    private static final Logger LOG = Logger.getLogger(ProcessorRegistry.class.getName());

    @Inject
    ProcessorExtension extension;

    @Inject
    EngineConfig config;

    private Map<String, ProcessorMethod> byName;

    @PostConstruct
    void index() {
        Optional<Set<String>> enabled = config.node().enabledProcessors();
        Map<String, ProcessorMethod> map = new LinkedHashMap<>();
        extension.processors().stream()
                .filter(p -> enabled.map(names -> names.contains(p.name())).orElse(true))
                .forEach(p -> map.putIfAbsent(p.name(), p));
        enabled.ifPresent(names -> names.stream().filter(name -> !map.containsKey(name)).forEach(name ->
                LOG.warning(() -> "datagraph.processors.enabled names '" + name + "', which this deployment lacks")));
        byName = Map.copyOf(map);
    }

    public Optional<ProcessorMethod> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The signature of a processor this deployment implements; the catalog flows resolve against. */
    public Optional<ProcessorSignature> signature(String name) {
        return find(name).map(ProcessorMethod::signature);
    }

    public Collection<ProcessorSignature> signatures() {
        return byName.values().stream().map(ProcessorMethod::signature).toList();
    }
}
