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
 * processor and the parameter.
 */
public class ProcessorExtension implements Extension {

    private final List<ProcessorMethod> processors = new ArrayList<>();
    private final List<Throwable> problems = new ArrayList<>();

    <X> void findProcessors(@Observes ProcessManagedBean<X> event) {
        for (AnnotatedMethod<? super X> method : event.getAnnotatedBeanClass().getMethods()) {
            Processor annotation = method.getAnnotation(Processor.class);
            if (annotation != null) {
                try {
                    processors.add(ProcessorMethod.of(event.getBean(), method.getJavaMember(), annotation));
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

    /** Every valid processor found; complete once the deployment is validated. */
    public List<ProcessorMethod> processors() {
        return List.copyOf(processors);
    }
}
