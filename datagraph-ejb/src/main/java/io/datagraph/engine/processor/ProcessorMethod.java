package io.datagraph.engine.processor;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Input;
import io.datagraph.Output;
import io.datagraph.OnFailure;
import io.datagraph.Processor;
import io.datagraph.flow.ElementWise;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.flow.RetryPolicy;
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
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A validated {@code @Processor} method of a CDI bean: its signature, what each parameter binds
 * to, and how to call it. Thread-safe; immutable but for the cached reference of its bean.
 */
public final class ProcessorMethod {

    private final ProcessorSignature signature;
    private final Bean<?> bean;
    private final Method method;
    private final List<Binding> bindings;
    /** Element-wise processors returning their result: the output it goes to, with its element type; else null. */
    private final Binding result;
    /** The client proxy of a normal-scoped bean, once looked up; racy but idempotent. */
    private volatile Object reference;

    private ProcessorMethod(ProcessorSignature signature, Bean<?> bean, Method method, List<Binding> bindings,
                            Binding result) {
        this.signature = signature;
        this.bean = bean;
        this.method = method;
        this.bindings = List.copyOf(bindings);
        this.result = result;
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
        // element-wise: one value instead of an IO; a value beside an IO is a mistake reported below
        long values = Arrays.stream(method.getParameters())
                .filter(p -> p.getType() != IO.class && p.getType() != Emitter.class).count();
        boolean elementWise = values == 1 && Arrays.stream(method.getParameters()).noneMatch(p -> p.getType() == IO.class);
        if (!elementWise && method.getReturnType() != void.class
                && !CompletionStage.class.isAssignableFrom(method.getReturnType())) {
            throw new InvalidProcessorException(where + " returns " + method.getReturnType().getName()
                    + "; a processor returns void or a CompletionStage and writes values through its Emitters"
                    + " (an element-wise processor takes one value instead of an IO, and may return its result)");
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
        if (elementWise && inputs.size() != 1) {
            throw new InvalidProcessorException(where + " takes one value per call, so it reads exactly one input;"
                    + " it declares " + inputs);
        }
        for (Parameter parameter : method.getParameters()) {
            Binding binding = bind(where, parameter, elementWise ? inputs.iterator().next() : null);
            boolean reads = binding.kind() != Binding.Kind.OUTPUT;
            Set<String> declared = reads ? inputs : outputs;
            Set<String> bound = reads ? boundInputs : boundOutputs;
            String kind = reads ? "input" : "output";
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
        Binding result = elementWise ? result(where, method, outputs, boundOutputs) : null;
        if (result != null) {
            boundOutputs.add(result.stream());
        }
        missing(where, "output", "Emitter", outputs, boundOutputs);
        if (!elementWise) {
            streamProcessorSettings(where, annotation);
        }
        RetryPolicy retry = !elementWise && annotation.retries() > 0 ? new RetryPolicy(annotation.retries(),
                duration(where, "retryDelay", annotation.retryDelay()),
                duration(where, "maxRetryDelay", annotation.maxRetryDelay())) : null;
        ProcessorSignature signature = new ProcessorSignature(annotation.name(), List.copyOf(inputs),
                List.copyOf(outputs), annotation.awaitInputs(), elementWise ? elementWise(where, annotation) : null, retry);
        return new ProcessorMethod(signature, bean, method, bindings, result);
    }

    /** An element-wise processor's return: its result for the single output, or nothing (it emits). */
    private static Binding result(String where, Method method, Set<String> outputs, Set<String> emitted) {
        Class<?> returns = method.getReturnType();
        if (returns == void.class) {
            return null;
        }
        Type type = method.getGenericReturnType();
        if (CompletionStage.class.isAssignableFrom(returns)) {
            if (!(type instanceof ParameterizedType stage)) {
                throw new InvalidProcessorException(where + " returns a raw CompletionStage; give its result type");
            }
            type = stage.getActualTypeArguments()[0];
        }
        if (outputs.size() != 1 || !emitted.isEmpty()) {
            throw new InvalidProcessorException(where + " returns its result, so it writes exactly one output and"
                    + " takes no Emitter; it declares outputs " + outputs + " (return void and take Emitters to write"
                    + " several)");
        }
        return new Binding(Binding.Kind.OUTPUT, outputs.iterator().next(), boxed(type));
    }

    private static Type boxed(Type type) {
        if (type instanceof Class<?> c && c.isPrimitive()) {
            return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
        }
        return type;
    }

    private static ElementWise elementWise(String where, Processor annotation) {
        if (annotation.concurrency() < 1) {
            throw new InvalidProcessorException(where + " has concurrency " + annotation.concurrency()
                    + "; it needs at least one worker");
        }
        if (annotation.retries() < 0) {
            throw new InvalidProcessorException(where + " has retries " + annotation.retries() + "; 0 or more");
        }
        return new ElementWise(annotation.concurrency(), annotation.retries(),
                duration(where, "retryDelay", annotation.retryDelay()),
                duration(where, "maxRetryDelay", annotation.maxRetryDelay()), annotation.onFailure(), annotation.ordered());
    }

    /** Element-wise settings on a stream processor would silently do nothing: refuse them. */
    private static void streamProcessorSettings(String where, Processor annotation) {
        if (annotation.concurrency() != 1 || annotation.onFailure() != OnFailure.FAIL_RUN || annotation.ordered()) {
            throw new InvalidProcessorException(where + " sets concurrency, onFailure or ordered, which apply to"
                    + " element-wise processors only (a method taking one value instead of an IO)");
        }
        if (annotation.retries() < 0) {
            throw new InvalidProcessorException(where + " has retries " + annotation.retries() + "; 0 or more");
        }
    }

    private static Duration duration(String where, String attribute, String text) {
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidProcessorException(where + " has " + attribute + " '" + text
                + "'; it must be an ISO-8601 duration such as PT0.5S");
    }

    /** @param valueOf the single input of an element-wise processor, which a non-stream parameter takes values of */
    private static Binding bind(String where, Parameter parameter, String valueOf) {
        Class<?> raw = parameter.getType();
        Binding.Kind kind;
        if (raw == IO.class) {
            kind = Binding.Kind.INPUT;
        } else if (raw == Emitter.class) {
            kind = Binding.Kind.OUTPUT;
        } else if (valueOf != null) {
            if (parameter.getAnnotation(Output.class) != null) {
                throw new InvalidProcessorException(where + ": parameter '" + parameter.getName()
                        + "' takes a value, so it is an input, not an @Output");
            }
            return new Binding(Binding.Kind.VALUE, valueOf, boxed(parameter.getParameterizedType()));
        } else {
            throw new InvalidProcessorException(where + ": parameter '" + parameter.getName() + "' is a "
                    + parameter.getParameterizedType().getTypeName()
                    + "; processor parameters are IO<T> (inputs) or Emitter<T> (outputs), or, for an element-wise"
                    + " processor, one value of its single input instead of an IO; inject anything else into the"
                    + " bean with @Inject");
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

    /** Whether it is called once per value of its input. */
    public boolean elementWise() {
        return signature.isElementWise();
    }

    /** The output an element-wise processor's return value goes to; empty when it emits (or is a stream processor). */
    public java.util.Optional<Binding> result() {
        return java.util.Optional.ofNullable(result);
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
        if (bean.getScope() != Dependent.class) {
            // a normal-scoped bean's reference is a client proxy, valid for the application's life:
            // element-wise processors call it once per value, so it is looked up once
            Object proxy = reference;
            if (proxy == null) {
                proxy = beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
                reference = proxy;
            }
            try {
                return method.invoke(proxy, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
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
