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
 *
 * <p><b>Element-wise processors.</b> A method that takes one value of its single input instead of an
 * {@code IO} is called once per value: it returns the value's result for its single output
 * ({@code R enrich(T value)}, or a {@code CompletionStage<R>}), or writes zero or more results through
 * {@code Emitter} parameters. Values are shared among {@link #concurrency()} workers on every node that
 * serves the processor; each value's results are committed exactly once, together with the value's
 * acknowledgement; a failing value is retried ({@link #retries()}) while the others go on, and then
 * fails the run or becomes a dead letter ({@link #onFailure()}).
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

    /** Element-wise processors: workers per serving node (a run may ask for another number). */
    int concurrency() default 1;

    /**
     * How many times a failing call is tried again (3: up to 4 calls). Element-wise processors: a value
     * that throws is tried again, on any node, while other values go on (a reclaim after a crash is not
     * a retry). Stream processors: the processor is run again as a new attempt that resumes its outputs
     * where they stand, which is right for deterministic processors.
     */
    int retries() default 0;

    /** Delay before the first retry (ISO-8601); each further retry waits twice as long, up to {@link #maxRetryDelay()}. */
    String retryDelay() default "PT0S";

    /** Longest delay between two retries of one value (ISO-8601). */
    String maxRetryDelay() default "PT1M";

    /** Element-wise processors: what happens to a value that still fails after its retries. */
    OnFailure onFailure() default OnFailure.FAIL_RUN;

    /**
     * Element-wise processors: results in the order of the input (default: in the order values are
     * done). A slow value holds back later results, within {@code datagraph.elementwise.reorder-window}
     * units claimed ahead of it; a failing value is retried by the worker holding it.
     */
    boolean ordered() default false;
}
