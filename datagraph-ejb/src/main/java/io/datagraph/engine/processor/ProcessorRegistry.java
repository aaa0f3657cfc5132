package io.datagraph.engine.processor;

import io.datagraph.flow.ProcessorSignature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The processors this deployment implements, by name. Immutable after start; thread-safe. */
@ApplicationScoped
public class ProcessorRegistry {

    @Inject
    ProcessorExtension extension;

    private Map<String, ProcessorMethod> byName;

    @PostConstruct
    void index() {
        Map<String, ProcessorMethod> map = new LinkedHashMap<>();
        extension.processors().forEach(p -> map.putIfAbsent(p.name(), p));
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
