package io.datagraph.engine.processor;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Input;
import io.datagraph.Output;
import io.datagraph.Processor;
import io.datagraph.flow.ProcessorSignature;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A validated {@code @Processor} method of a CDI bean: its signature, what each parameter binds
 * to, and how to call it. Immutable and thread-safe.
 */
public final class ProcessorMethod {

    private final ProcessorSignature signature;
    private final Bean<?> bean;
    private final Method method;
    private final List<Binding> bindings;

    private ProcessorMethod(ProcessorSignature signature, Bean<?> bean, Method method, List<Binding> bindings) {
        this.signature = signature;
        this.bean = bean;
        this.method = method;
        this.bindings = List.copyOf(bindings);
    }

    /**
     * Validates a method against its annotation.
     *
     * @throws InvalidProcessorException naming the processor and the offending parameter
     */
    public static ProcessorMethod of(Bean<?> bean, Method method, Processor annotation) {
        String where = "processor '" + annotation.name() + "' (" + method.getDeclaringClass().getName() + "."
                + method.getName() + ")";
        if (annotation.name().isBlank()) {
            throw new InvalidProcessorException("@Processor on " + method.getDeclaringClass().getName() + "."
                    + method.getName() + " needs a non-blank name");
        }
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new InvalidProcessorException(where + " must be a public instance method");
        }
        if (method.getReturnType() != void.class && !CompletionStage.class.isAssignableFrom(method.getReturnType())) {
            throw new InvalidProcessorException(where + " returns " + method.getReturnType().getName()
                    + "; a processor returns void or a CompletionStage and writes values through its Emitters");
        }
        Set<String> inputs = distinct(where, "input", annotation.inputs());
        Set<String> outputs = distinct(where, "output", annotation.outputs());
        for (String input : inputs) {
            if (outputs.contains(input)) {
                throw new InvalidProcessorException(where + " declares '" + input + "' as both input and output");
            }
        }
        List<Binding> bindings = new ArrayList<>();
        Set<String> boundInputs = new LinkedHashSet<>();
        Set<String> boundOutputs = new LinkedHashSet<>();
        for (Parameter parameter : method.getParameters()) {
            Binding binding = bind(where, parameter);
            Set<String> declared = binding.kind() == Binding.Kind.INPUT ? inputs : outputs;
            Set<String> bound = binding.kind() == Binding.Kind.INPUT ? boundInputs : boundOutputs;
            String kind = binding.kind() == Binding.Kind.INPUT ? "input" : "output";
            if (!declared.contains(binding.stream())) {
                throw new InvalidProcessorException(where + ": parameter '" + parameter.getName() + "' binds to "
                        + kind + " '" + binding.stream() + "', which is not among the declared " + kind + "s "
                        + declared);
            }
            if (!bound.add(binding.stream())) {
                throw new InvalidProcessorException(where + ": " + kind + " '" + binding.stream()
                        + "' is bound by two parameters");
            }
            bindings.add(binding);
        }
        missing(where, "input", "IO", inputs, boundInputs);
        missing(where, "output", "Emitter", outputs, boundOutputs);
        ProcessorSignature signature = new ProcessorSignature(annotation.name(), List.copyOf(inputs),
                List.copyOf(outputs), annotation.awaitInputs());
        return new ProcessorMethod(signature, bean, method, bindings);
    }

    private static Binding bind(String where, Parameter parameter) {
        Class<?> raw = parameter.getType();
        Binding.Kind kind;
        if (raw == IO.class) {
            kind = Binding.Kind.INPUT;
        } else if (raw == Emitter.class) {
            kind = Binding.Kind.OUTPUT;
        } else {
            throw new InvalidProcessorException(where + ": parameter '" + parameter.getName() + "' is a "
                    + parameter.getParameterizedType().getTypeName()
                    + "; processor parameters are IO<T> (inputs) or Emitter<T> (outputs), inject anything else"
                    + " into the bean with @Inject");
        }
        Input input = parameter.getAnnotation(Input.class);
        Output output = parameter.getAnnotation(Output.class);
        if (kind == Binding.Kind.INPUT && output != null || kind == Binding.Kind.OUTPUT && input != null) {
            throw new InvalidProcessorException(where + ": parameter '" + parameter.getName()
                    + "' mixes up @Input and @Output (IO parameters are inputs, Emitter parameters outputs)");
        }
        String stream;
        if (input != null) {
            stream = input.value();
        } else if (output != null) {
            stream = output.value();
        } else if (parameter.isNamePresent()) {
            stream = parameter.getName();
        } else {
            throw new InvalidProcessorException(where + ": parameter " + parameter.getName()
                    + " has no name at run time; compile with -parameters or annotate it with @Input/@Output");
        }
        Type type = parameter.getParameterizedType();
        if (!(type instanceof ParameterizedType parameterized)
                || !(parameterized.getActualTypeArguments()[0] instanceof Class<?>
                || parameterized.getActualTypeArguments()[0] instanceof ParameterizedType)) {
            throw new InvalidProcessorException(where + ": parameter '" + parameter.getName() + "' is "
                    + type.getTypeName() + "; give its element type (e.g. " + raw.getSimpleName()
                    + "<Integer>) so values can be decoded");
        }
        return new Binding(kind, stream, parameterized.getActualTypeArguments()[0]);
    }

    private static Set<String> distinct(String where, String kind, String[] names) {
        Set<String> set = new LinkedHashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new InvalidProcessorException(where + " declares a blank " + kind + " name");
            }
            if (!set.add(name)) {
                throw new InvalidProcessorException(where + " declares " + kind + " '" + name + "' twice");
            }
        }
        return set;
    }

    private static void missing(String where, String kind, String type, Set<String> declared, Set<String> bound) {
        Set<String> unbound = new LinkedHashSet<>(declared);
        unbound.removeAll(bound);
        if (!unbound.isEmpty()) {
            throw new InvalidProcessorException(where + " declares " + kind + "(s) " + unbound
                    + " but has no " + type + " parameter for them");
        }
    }

    public ProcessorSignature signature() {
        return signature;
    }

    public String name() {
        return signature.name();
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /** {@code Class.method} for messages. */
    public String location() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    /**
     * Calls the method on the bean's contextual instance.
     *
     * @return what it returned: {@code null}, or a {@link CompletionStage}
     * @throws Throwable whatever the processor threw
     */
    public Object invoke(BeanManager beanManager, Object[] arguments) throws Throwable {
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        Object result = null;
        try {
            Object instance = beanManager.getReference(bean, bean.getBeanClass(), context);
            result = method.invoke(instance, arguments);
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (bean.getScope() == Dependent.class) {
                // a dependent instance lives as long as this invocation (or its CompletionStage)
                if (result instanceof CompletionStage<?> stage) {
                    stage.whenComplete((r, e) -> context.release());
                } else {
                    context.release();
                }
            }
        }
    }

    @Override
    public String toString() {
        return signature.name() + " (" + location() + ")";
    }
}
