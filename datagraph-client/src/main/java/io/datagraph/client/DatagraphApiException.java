package io.datagraph.client;

/** The API answered an error: its status and problem document (whose detail says what to do). */
public class DatagraphApiException extends RuntimeException {

    private final transient Problem problem;

    public DatagraphApiException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
