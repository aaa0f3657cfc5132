package io.datagraph.client;

import java.util.List;

/** A run as the history lists it; {@code started} is an ISO-8601 instant. */
public record ListedRun(String id, String status, List<String> processors, String startedBy, String started,
                        String view) {
}
