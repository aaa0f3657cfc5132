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
import java.util.stream.Collectors;

/**
 * The processors this node serves, by name: those the deployment implements, narrowed to
 * {@code datagraph.processors.enabled} when set. Beside them, the engine's {@linkplain #isBuiltIn built-in}
 * processors, which only the engine starts (its deployment warm-up): this node runs them, but they are in
 * no catalog, so no flow a user submits resolves to them. Immutable after start; thread-safe.
 */
@ApplicationScoped
public class ProcessorRegistry {

    /** How the names of the engine's own processors begin; an application's processor may not take one. */
    public static final String BUILT_IN_PREFIX = "datagraph.";

    private static final Logger LOG = Logger.getLogger(ProcessorRegistry.class.getName());

    @Inject
    ProcessorExtension extension;

    @Inject
    EngineConfig config;

    private Map<String, ProcessorMethod> byName;
    private Map<String, ProcessorMethod> builtIn;

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
        builtIn = extension.builtIn().stream().collect(Collectors.toUnmodifiableMap(ProcessorMethod::name, p -> p));
    }

    /** Whether {@code name} is that of an engine's own processor (which the catalog never lists). */
    public static boolean isBuiltIn(String name) {
        return name.startsWith(BUILT_IN_PREFIX);
    }

    /** A processor this node runs: one the deployment implements, or a built-in one. */
    public Optional<ProcessorMethod> find(String name) {
        ProcessorMethod found = byName.get(name);
        return Optional.ofNullable(found != null ? found : builtIn.get(name));
    }

    /** The signature of a built-in processor: what the engine's own flows resolve against. */
    public Optional<ProcessorSignature> builtInSignature(String name) {
        return Optional.ofNullable(builtIn.get(name)).map(ProcessorMethod::signature);
    }

    /** The signature of a processor this deployment implements (never a built-in one); the catalog flows resolve against. */
    public Optional<ProcessorSignature> signature(String name) {
        return Optional.ofNullable(byName.get(name)).map(ProcessorMethod::signature);
    }

    /** The signatures of the processors this deployment implements (never the built-in ones). */
    public Collection<ProcessorSignature> signatures() {
        return byName.values().stream().map(ProcessorMethod::signature).toList();
    }
}
