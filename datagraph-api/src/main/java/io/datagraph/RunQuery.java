package io.datagraph;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which retained runs to list ({@link Datagraph#history}): by status, processor, who started them and
 * since when, a page at a time, newest first. Immutable: every method answers a changed copy.
 */
public final class RunQuery {

    /** The most runs one page holds. */
    public static final int MAX_LIMIT = 100;

    private RunStatus status;
    private String processor;
    private String startedBy;
    private Instant since;
    private int limit = 20;
    private String cursor;

    private RunQuery() {
    }

    /** Every retained run, 20 a page. */
    public static RunQuery all() {
        return new RunQuery();
    }

    private RunQuery copy() {
        RunQuery copy = new RunQuery();
        copy.status = status;
        copy.processor = processor;
        copy.startedBy = startedBy;
        copy.since = since;
        copy.limit = limit;
        copy.cursor = cursor;
        return copy;
    }

    /** Only runs in this status now. */
    public RunQuery status(RunStatus status) {
        RunQuery copy = copy();
        copy.status = Objects.requireNonNull(status);
        return copy;
    }

    /** Only runs whose flow has this processor. */
    public RunQuery processor(String processor) {
        RunQuery copy = copy();
        copy.processor = Objects.requireNonNull(processor);
        return copy;
    }

    /** Only runs this user started ({@link RunRequest#startedBy}). */
    public RunQuery startedBy(String user) {
        RunQuery copy = copy();
        copy.startedBy = Objects.requireNonNull(user);
        return copy;
    }

    /** Only runs started at or after this instant. */
    public RunQuery since(Instant since) {
        RunQuery copy = copy();
        copy.since = Objects.requireNonNull(since);
        return copy;
    }

    /** At most this many runs a page, 1 to {@value #MAX_LIMIT}. */
    public RunQuery limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " runs, not " + limit);
        }
        RunQuery copy = copy();
        copy.limit = limit;
        return copy;
    }

    /** The page after the one that answered this cursor ({@link RunPage#next()}). */
    public RunQuery after(String cursor) {
        RunQuery copy = copy();
        copy.cursor = Objects.requireNonNull(cursor);
        return copy;
    }

    public Optional<RunStatus> status() {
        return Optional.ofNullable(status);
    }

    public Optional<String> processor() {
        return Optional.ofNullable(processor);
    }

    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    public int limit() {
        return limit;
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }
}
