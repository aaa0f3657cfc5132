package io.datagraph.client;

import java.util.Map;

/** The answer to a start: the run's id, its status, the URL of each selected output, its live page. */
public record Started(String id, String status, Map<String, String> outputs, String view) {
}
