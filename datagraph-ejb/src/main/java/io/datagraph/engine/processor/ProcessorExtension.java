package io.datagraph.engine.processor;

import io.datagraph.Processor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every {@code @Processor} method of every managed bean at deployment and validates it;
 * any mismatch, or two processors of one name, fails the deployment with a message naming the
 * processor and the parameter. The engine's own processors ({@link ProcessorRegistry#isBuiltIn built in})
 * are kept apart; an application's processor may not take a name reserved for them.
 */
public class ProcessorExtension implements Extension {

    /** The engine's classes: their processors are its built-in ones. */
    private static final String ENGINE_PACKAGE = "io.datagraph.engine.";

    private final List<ProcessorMethod> processors = new ArrayList<>();
    private final List<ProcessorMethod> builtIn = new ArrayList<>();
    private final List<Throwable> problems = new ArrayList<>();

    <X> void findProcessors(@Observes ProcessManagedBean<X> event) {
        for (AnnotatedMethod<? super X> method : event.getAnnotatedBeanClass().getMethods()) {
            Processor annotation = method.getAnnotation(Processor.class);
            if (annotation != null) {
                try {
                    ProcessorMethod processor = ProcessorMethod.of(event.getBean(), method.getJavaMember(), annotation);
                    boolean engines = method.getJavaMember().getDeclaringClass().getName().startsWith(ENGINE_PACKAGE);
                    if (engines) {
                        builtIn.add(processor);
                    } else if (ProcessorRegistry.isBuiltIn(processor.name())) {
                        throw new InvalidProcessorException("processor '" + processor.name() + "' (" + processor.location()
                                + "): names beginning '" + ProcessorRegistry.BUILT_IN_PREFIX + "' are reserved for the"
                                + " engine's own processors; choose another name");
                    } else {
                        processors.add(processor);
                    }
                } catch (InvalidProcessorException e) {
                    problems.add(e);
                }
            }
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Map<String, ProcessorMethod> byName = new HashMap<>();
        for (ProcessorMethod processor : processors) {
            ProcessorMethod other = byName.putIfAbsent(processor.name(), processor);
            if (other != null) {
                problems.add(new InvalidProcessorException("processor '" + processor.name() + "' is declared twice: by "
                        + other.location() + " and by " + processor.location()));
            }
        }
        problems.forEach(event::addDeploymentProblem);
    }

    /** Every valid processor of the application; complete once the deployment is validated. */
    public List<ProcessorMethod> processors() {
        return List.copyOf(processors);
    }

    /** The engine's own processors (e.g. its deployment warm-up's). */
    public List<ProcessorMethod> builtIn() {
        return List.copyOf(builtIn);
    }
}
