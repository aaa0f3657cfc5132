package io.datagraph.flow;

import java.util.List;
import java.util.Objects;

/**
 * What a flow needs to know of a processor: its name, the streams it reads and writes, and
 * whether it waits for complete inputs. Signatures, not code, are what flows resolve against, so
 * a flow can name processors that live in other services.
 */
public record ProcessorSignature(String name, List<String> inputs, List<String> outputs, boolean awaitInputs) {

    public ProcessorSignature {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
