package io.datagraph.engine.processor;

import java.lang.reflect.Type;

/**
 * What one parameter of a processor method receives: the reader of an input, the writer of an
 * output, or (element-wise processors) one value of an input, of the stream {@code stream}, with
 * values of {@code elementType}.
 */
public record Binding(Kind kind, String stream, Type elementType) {

    public enum Kind { INPUT, OUTPUT, VALUE }
}
