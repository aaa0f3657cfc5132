package io.datagraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds an {@link Emitter} parameter of a {@link Processor} method to the named output. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Output {
    /** The output's name as declared in {@link Processor#outputs()}. */
    String value();
}
