package io.datagraph.client;

import jakarta.json.JsonValue;

/** A value an element-wise processor gave up on; {@code time} is an ISO-8601 instant. */
public record DeadLetter(String processor, JsonValue value, String error, int attempts, String node, String time) {
}
