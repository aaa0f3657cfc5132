package io.datagraph.engine.config;

/** One bad configuration value: its key and what is wrong, in words a user can act on. */
public record ConfigProblem(String key, String message) {

    @Override
    public String toString() {
        return key + " " + message;
    }
}
