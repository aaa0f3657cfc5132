package io.datagraph.flow;

import jakarta.json.bind.annotation.JsonbCreator;

import java.util.List;
import java.util.Objects;

/**
 * What a flow needs to know of a processor: its name, the streams it reads and writes, whether it
 * waits for complete inputs, for an element-wise processor how it handles its values (null for a
 * stream processor), and for a stream processor how often it is run again after it threw (null: never).
 * Signatures, not code, are what flows resolve against, so a flow can name processors that live in
 * other services.
 */
public record ProcessorSignature(String name, List<String> inputs, List<String> outputs, boolean awaitInputs,
                                 ElementWise elementWise, RetryPolicy retry) {

    @JsonbCreator
    public ProcessorSignature {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A stream processor's signature, run once. */
    public ProcessorSignature(String name, List<String> inputs, List<String> outputs, boolean awaitInputs) {
        this(name, inputs, outputs, awaitInputs, null, null);
    }

    /** Whether the processor is called once per value of its input. */
    public boolean isElementWise() {
        return elementWise != null;
    }
}
