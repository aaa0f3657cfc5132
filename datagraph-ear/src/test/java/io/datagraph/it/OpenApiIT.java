package io.datagraph.it;

import io.datagraph.testing.Await;
import io.datagraph.test.TestStore;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API document the server serves at {@code /openapi}: a standard parser reads it without a message,
 * and every operation it lists is called on the deployed EAR — its answers' status codes must be ones the
 * document lists for it, and their JSON bodies must match the document's schemas — so document and code
 * cannot drift apart.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT {

    private static final String DOCUMENT = Api.BASE.replace("/datagraph/api", "/openapi");
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String SSE = "text/event-stream";

    private OpenAPI api;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** One call of an operation: method, path below the API's base, Accept, body, and the status it should get. */
    private record Call(String method, String path, String accept, String body, int status) {
    }

    @BeforeAll
    void readTheDocument() {
        HttpResponse<String> served = Api.send(HttpRequest.newBuilder(URI.create(DOCUMENT)).header("Accept", JSON).GET());
        assertEquals(200, served.statusCode(), served.body());
        try {
            // kept for a look: target/openapi.json
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), served.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        List<String> messages = new ArrayList<>(parsed.getMessages() == null ? List.of() : parsed.getMessages());
        // Payara 6 adds a top-level "endpoints" object the specification does not know (its FISH-12303, fixed in
        // later releases by naming it x-endpoints); nothing else may be reported
        messages.remove("attribute endpoints is unexpected");
        assertTrue(messages.isEmpty(), "the parser's messages: " + messages);
        api = parsed.getOpenAPI();
        assertNotNull(api, "the parser read no document");
    }

    @Test
    void theDocumentParsesWithoutAMessageAndNamesTheApi() {
        assertEquals("Datagraph", api.getInfo().getTitle());
        // WildFly spells paths from the server's root; Payara from its server URL, which names the WAR
        String base = api.getServers() == null || api.getServers().isEmpty() ? ""
                : URI.create(api.getServers().get(0).getUrl()).getPath().replaceAll("/$", "");
        assertTrue(api.getPaths().keySet().stream().allMatch(path -> (base + path).startsWith("/datagraph/api/")),
                base + " " + api.getPaths().keySet());
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        Map<String, List<Call>> calls = calls();
        Map<String, Operation> documented = operations();
        assertEquals(new TreeSet<>(calls.keySet()), new TreeSet<>(documented.keySet()),
                "the operations called here against those the document lists");
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<Call>> operation : calls.entrySet()) {
            for (Call call : operation.getValue()) {
                check(operation.getKey(), documented.get(operation.getKey()), call, errors);
            }
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    /** The calls of each operation: a success and the errors a client meets most. */
    private Map<String, List<Call>> calls() throws Exception {
        // runs that end first: the open ones below hold threads of the server's small pool while they wait
        String failed = Api.start("{\"processors\":[\"producer\",\"consumer\"],\"inputs\":{\"input\":[\"many\"]}}");
        Await.until(() -> Api.json(Api.get("/flows/" + failed, JSON)).getString("status").equals("FAILED"),
                Duration.ofSeconds(30), "the run never failed");
        String dead = Api.start("{\"processors\":[\"enrich\"],\"inputs\":{\"items\":[1,-1]}}");
        Api.get("/flows/" + dead + "/outputs/enriched", JSON); // answers once the run completed
        String done = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[2]}}");
        Api.get("/flows/" + done + "/outputs/bar", JSON);
        String open = Api.start("{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}");
        String completed = Api.start("{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}");
        Api.post("/flows/" + completed + "/inputs/numbers/complete", "");
        String cancelled = Api.start("{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}");
        String multiply = "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}";
        String key = java.util.UUID.randomUUID().toString();
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        calls.put("startRun", List.of(new Call("POST", "/flows", JSON, multiply, 201),
                new Call("POST", "/flows#" + key, JSON, multiply, 201), new Call("POST", "/flows#" + key, JSON, multiply, 200),
                new Call("POST", "/flows", JSON, "{\"processors\":", 400),
                new Call("POST", "/flows", JSON, "{\"processors\":[\"nosuchprocessor\"]}", 422)));
        calls.put("listRuns", List.of(new Call("GET", "/flows?limit=2", JSON, null, 200),
                new Call("GET", "/flows?limit=0", JSON, null, 400)));
        calls.put("getRun", List.of(new Call("GET", "/flows/" + done, JSON, null, 200),
                new Call("GET", "/flows/" + failed, JSON, null, 200), new Call("GET", "/flows/no-such-run", JSON, null, 404)));
        calls.put("cancelRun", List.of(new Call("DELETE", "/flows/" + cancelled, null, null, 204),
                new Call("DELETE", "/flows/no-such-run", null, null, 404)));
        calls.put("readOutput", List.of(new Call("GET", "/flows/" + done + "/outputs/bar", JSON, null, 200),
                new Call("GET", "/flows/" + done + "/outputs/bar", SSE, null, 200),
                new Call("GET", "/flows/" + done + "/outputs/nosuch", JSON, null, 404)));
        calls.put("appendInput", List.of(new Call("POST", "/flows/" + open + "/inputs/numbers", null, "[1,2]", 204),
                new Call("POST", "/flows/" + open + "/inputs/numbers", null, "{\"a\":1}", 400),
                new Call("POST", "/flows/" + completed + "/inputs/numbers", null, "[1]", 409)));
        calls.put("completeInput", List.of(new Call("POST", "/flows/" + open + "/inputs/numbers/complete", null, "", 204),
                new Call("POST", "/flows/" + done + "/inputs/bar/complete", null, "", 409)));
        calls.put("restartRun", List.of(new Call("POST", "/flows/" + failed + "/restart", JSON, "", 200),
                new Call("POST", "/flows/" + done + "/restart", JSON, "", 409)));
        calls.put("deadLetters", List.of(new Call("GET", "/flows/" + dead + "/dead-letters", JSON, null, 200),
                new Call("GET", "/flows/" + dead + "/dead-letters", SSE, null, 200)));
        calls.put("liveRun", List.of(new Call("GET", "/flows/" + done + "/live", SSE, null, 200),
                new Call("GET", "/flows/no-such-run/live", SSE, null, 404)));
        calls.put("runGraph", List.of(new Call("GET", "/flows/" + done + "/graph", "text/plain", null, 200),
                new Call("GET", "/flows/" + done + "/graph", "image/svg+xml", null, 200),
                new Call("GET", "/flows/no-such-run/graph", "text/plain", null, 404)));
        calls.put("flowGraph", List.of(new Call("POST", "/graph", "text/vnd.mermaid", "{\"processors\":[\"multiply\"]}", 200),
                new Call("POST", "/graph", "text/vnd.mermaid", "{\"processors\":[\"nosuchprocessor\"]}", 422)));
        calls.put("listProcessors", List.of(new Call("GET", "/processors", JSON, null, 200)));
        return calls;
    }

    /** The document's operations by id. */
    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (PathItem item : api.getPaths().values()) {
            item.readOperations().forEach(operation -> operations.put(operation.getOperationId(), operation));
        }
        return operations;
    }

    private void check(String operationId, Operation operation, Call call, List<String> errors) {
        String path = call.path().contains("#") ? call.path().substring(0, call.path().indexOf('#')) : call.path();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path));
        if (call.accept() != null) {
            request.header("Accept", call.accept());
        }
        if (call.path().contains("#")) {
            request.header("Idempotency-Key", call.path().substring(call.path().indexOf('#') + 1));
        }
        if (call.body() != null) {
            request.header("Content-Type", JSON).method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = Api.send(request);
        String what = operationId + " " + call.method() + " " + call.path() + " (Accept " + call.accept() + ")";
        if (answer.statusCode() != call.status()) {
            errors.add(what + ": answered " + answer.statusCode() + ", not " + call.status() + ": " + answer.body());
            return;
        }
        ApiResponse documented = operation.getResponses().get(String.valueOf(answer.statusCode()));
        if (documented == null) {
            errors.add(what + ": status " + answer.statusCode() + " is not in the document (" + operation.getResponses().keySet() + ")");
            return;
        }
        String type = answer.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse(null);
        if (type == null) {
            if (documented.getContent() != null && !documented.getContent().isEmpty() && !answer.body().isEmpty()) {
                errors.add(what + ": a body without a Content-Type");
            }
            return;
        }
        MediaType media = documented.getContent() == null ? null : documented.getContent().get(type);
        if (media == null) {
            errors.add(what + ": " + answer.statusCode() + " answered " + type + ", which the document does not list for it");
            return;
        }
        if (type.equals(JSON) || type.equals(PROBLEM)) {
            List<String> mismatches = new ArrayList<>();
            validate(Api.parse(answer.body()), media.getSchema(), "$", mismatches);
            mismatches.forEach(mismatch -> errors.add(what + ": " + mismatch));
        }
    }

    /** Checks a JSON value against the subset of JSON Schema the document uses. */
    private void validate(JsonValue value, Schema<?> schema, String at, List<String> mismatches) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            schema = api.getComponents().getSchemas().get(name);
            if (schema == null) {
                mismatches.add(at + ": refers to a missing schema " + name);
                return;
            }
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && value instanceof JsonString text
                && schema.getEnum().stream().noneMatch(option -> String.valueOf(option).equals(text.getString()))) {
            mismatches.add(at + ": " + text.getString() + " is none of " + schema.getEnum());
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof JsonObject object)) {
                    mismatches.add(at + ": not an object: " + value);
                    return;
                }
                if (schema.getRequired() != null) {
                    schema.getRequired().stream().filter(name -> !object.containsKey(name))
                            .forEach(name -> mismatches.add(at + ": lacks required " + name));
                }
                for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                    Schema<?> property = schema.getProperties() == null ? null : schema.getProperties().get(field.getKey());
                    if (property != null) {
                        validate(field.getValue(), property, at + "." + field.getKey(), mismatches);
                    } else if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                        validate(field.getValue(), additional, at + "." + field.getKey(), mismatches);
                    } else if (schema.getProperties() != null) {
                        mismatches.add(at + ": " + field.getKey() + " is not in the schema");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof JsonArray array)) {
                    mismatches.add(at + ": not an array: " + value);
                    return;
                }
                for (int i = 0; i < array.size(); i++) {
                    validate(array.get(i), schema.getItems(), at + "[" + i + "]", mismatches);
                }
            }
            case "string" -> {
                if (!(value instanceof JsonString)) {
                    mismatches.add(at + ": not a string: " + value);
                }
            }
            case "integer" -> {
                if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                    mismatches.add(at + ": not an integer: " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof JsonNumber)) {
                    mismatches.add(at + ": not a number: " + value);
                }
            }
            case "boolean" -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    mismatches.add(at + ": not a boolean: " + value);
                }
            }
            default -> mismatches.add(at + ": the document uses a type this check does not know: " + type);
        }
    }
}
