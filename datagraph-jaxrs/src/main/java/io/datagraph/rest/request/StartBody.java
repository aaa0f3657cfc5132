package io.datagraph.rest.request;

import io.datagraph.Datagraph;
import io.datagraph.OutputSelection;
import io.datagraph.RunRequest;
import io.datagraph.flow.Flow;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /flows}, checked field by field:
 * <pre>{"processors": ["foo", "bar"] | "flow": "name", "inputs": {"a": [5]},
 *  "open": ["files"], "outputs": "final" | "all" | "terminal"}</pre>
 * Input values stay JSON values ({@link JsonValue}); the engine stores them as they came.
 */
public final class StartBody {

    private StartBody() {
    }

    public static RunRequest toRequest(JsonStructure json, Datagraph datagraph) {
        JsonObject body = object(json);
        for (String key : body.keySet()) {
            if (!List.of("processors", "flow", "inputs", "open", "outputs", "concurrency", "retries").contains(key)) {
                throw new MalformedRequestException("unknown field \"" + key
                        + "\"; the fields are processors, flow, inputs, open, outputs, concurrency, retries");
            }
        }
        RunRequest request = RunRequest.of(flow(body, datagraph))
                .inputs(inputs(body))
                .outputs(outputs(body));
        for (Map.Entry<String, Integer> workers : counts(body, "concurrency", 1).entrySet()) {
            request = request.concurrency(workers.getKey(), workers.getValue());
        }
        for (Map.Entry<String, Integer> times : counts(body, "retries", 0).entrySet()) {
            request = request.retries(times.getKey(), times.getValue());
        }
        return request.open(strings(body, "open").toArray(String[]::new));
    }

    /** {@code {"enrich": 32}}: a whole number of at least {@code min} per processor name. */
    private static Map<String, Integer> counts(JsonObject body, String field, int min) {
        JsonValue value = body.getOrDefault(field, JsonValue.EMPTY_JSON_OBJECT);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedRequestException("\"" + field + "\" must be an object of processor names to numbers,"
                    + " e.g. {\"enrich\": 32}");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        value.asJsonObject().forEach((name, number) -> {
            if (!(number instanceof jakarta.json.JsonNumber n) || !n.isIntegral() || n.longValue() < min
                    || n.longValue() > 10_000) {
                throw new MalformedRequestException("\"" + field + "\" of \"" + name + "\" must be a whole number from "
                        + min + " to 10000, not " + number);
            }
            counts.put(name, n.intValue());
        });
        return counts;
    }

    /** Only the flow of such a body ({@code processors} or {@code flow}), e.g. to draw it. */
    public static Flow flowOf(JsonStructure json, Datagraph datagraph) {
        return flow(object(json), datagraph);
    }

    private static JsonObject object(JsonStructure json) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedRequestException("the body must be a JSON object with \"processors\" (or \"flow\")"
                    + " and \"inputs\"");
        }
        return json.asJsonObject();
    }

    private static Flow flow(JsonObject body, Datagraph datagraph) {
        boolean named = body.containsKey("flow");
        if (named == body.containsKey("processors")) {
            throw new MalformedRequestException("give either \"processors\" (a list of processor names)"
                    + " or \"flow\" (the name of a declared flow)");
        }
        if (named) {
            if (!(body.get("flow") instanceof JsonString name)) {
                throw new MalformedRequestException("\"flow\" must be a string");
            }
            return datagraph.flow(name.getString());
        }
        List<String> processors = strings(body, "processors");
        try {
            return Flow.of(processors);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("\"processors\": " + e.getMessage());
        }
    }

    private static Map<String, List<?>> inputs(JsonObject body) {
        JsonValue inputs = body.getOrDefault("inputs", JsonValue.EMPTY_JSON_OBJECT);
        if (inputs.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedRequestException("\"inputs\" must be an object of arrays, e.g. {\"a\": [5]}");
        }
        Map<String, List<?>> values = new LinkedHashMap<>();
        inputs.asJsonObject().forEach((name, list) -> {
            if (list.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new MalformedRequestException("input \"" + name + "\" must be an array of values, e.g. [5]");
            }
            values.put(name, values(name, list.asJsonArray()));
        });
        return values;
    }

    /** The JSON values of an input; JSON null is refused, a stream holds values, not absence. */
    public static List<JsonValue> values(String input, List<JsonValue> array) {
        for (JsonValue value : array) {
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                throw new MalformedRequestException("input \"" + input + "\" holds null; streams hold values, not absence");
            }
        }
        return List.copyOf(array);
    }

    private static OutputSelection outputs(JsonObject body) {
        JsonValue outputs = body.getOrDefault("outputs", null);
        if (outputs == null) {
            return OutputSelection.FINAL;
        }
        if (outputs instanceof JsonString selection) {
            switch (selection.getString()) {
                case "final":
                    return OutputSelection.FINAL;
                case "all":
                    return OutputSelection.ALL;
                case "terminal":
                    return OutputSelection.TERMINAL;
                default:
                    break;
            }
        }
        throw new MalformedRequestException("\"outputs\" must be \"final\", \"all\" or \"terminal\"");
    }

    private static List<String> strings(JsonObject body, String field) {
        JsonValue value = body.getOrDefault(field, JsonValue.EMPTY_JSON_ARRAY);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedRequestException("\"" + field + "\" must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString string)) {
                throw new MalformedRequestException("\"" + field + "\" must be an array of strings; found " + item);
            }
            strings.add(string.getString());
        }
        return strings;
    }
}
