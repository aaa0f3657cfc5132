package io.datagraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as a processor: a named piece of code that reads the streams
 * named in {@link #inputs()} and writes the streams named in {@link #outputs()}.
 *
 * <p>Each input binds to one {@link IO} parameter and each output to one {@link Emitter}
 * parameter, by parameter name (compile with {@code -parameters}) or by {@link Input} /
 * {@link Output}. The element type of the parameter ({@code IO<Integer>}) decides how values
 * are decoded from JSON. A method whose parameters do not match its declaration fails the
 * deployment.
 *
 * <p>The method may return {@code void} (the processor ends when the method returns) or a
 * {@link java.util.concurrent.CompletionStage} (it ends when the stage completes). When the
 * processor ends, every one of its outputs completes; when it throws, its run fails.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Processor {

    /** The processor's name, unique across every service sharing the store. */
    String name();

    /** Names of the streams this processor reads. */
    String[] inputs() default {};

    /** Names of the streams this processor writes. */
    String[] outputs() default {};

    /**
     * When {@code true} the processor is placed in a later partition of its flow and starts only
     * once every output of the previous partition is complete: its inputs are whole when it
     * starts (the discrete-task mode). Named {@code awaitInputs} because {@code wait} is taken by
     * {@link Object#wait()}.
     */
    boolean awaitInputs() default false;
}
