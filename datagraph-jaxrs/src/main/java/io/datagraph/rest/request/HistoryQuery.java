package io.datagraph.rest.request;

import io.datagraph.RunQuery;
import io.datagraph.RunStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** The query parameters of {@code GET /flows} as a {@link RunQuery}; each bad one is refused naming it. */
public final class HistoryQuery {

    private HistoryQuery() {
    }

    /**
     * @throws MalformedRequestException naming the parameter that is not what it should be
     */
    public static RunQuery parse(String status, String processor, String startedBy, String since, String limit,
                                 String cursor) {
        RunQuery query = RunQuery.all();
        if (status != null) {
            try {
                query = query.status(RunStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw new MalformedRequestException("status must be one of " + Arrays.toString(RunStatus.values())
                        + ", not '" + status + "'");
            }
        }
        if (processor != null) {
            query = query.processor(processor);
        }
        if (startedBy != null) {
            query = query.startedBy(startedBy);
        }
        if (since != null) {
            try {
                query = query.since(Instant.parse(since));
            } catch (DateTimeParseException e) {
                throw new MalformedRequestException("since must be an ISO-8601 instant such as 2026-11-26T10:15:30Z, not '"
                        + since + "'");
            }
        }
        try {
            query = query.limit(Integer.parseInt(limit));
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("limit must be a whole number from 1 to " + RunQuery.MAX_LIMIT
                    + ", not '" + limit + "'");
        }
        return cursor == null ? query : query.after(cursor);
    }
}
