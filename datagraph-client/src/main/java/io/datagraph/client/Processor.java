package io.datagraph.client;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** A processor flows can use: its streams, and whether it awaits its inputs' completion (JSON {@code wait}). */
public record Processor(String name, List<String> inputs, List<String> outputs,
                        @JsonbProperty("wait") boolean awaitsInputs) {
}
