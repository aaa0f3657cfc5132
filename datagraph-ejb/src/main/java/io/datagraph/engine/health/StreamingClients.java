package io.datagraph.engine.health;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.IntSupplier;

/**
 * How many clients a transport (the REST API's Server-Sent Events) is streaming to now, of how many it
 * takes, for {@link EngineLiveness} to report. The transport registers its gauge here because a health
 * check in a web module of an EAR is not found by every server (WildFly looks in the EAR's libraries
 * only). Thread-safe.
 */
@ApplicationScoped
public class StreamingClients {

    private volatile IntSupplier active = () -> 0;
    private volatile int capacity;

    /** The transport's gauge of clients being streamed to, and its bound. */
    public void register(IntSupplier active, int capacity) {
        this.active = active;
        this.capacity = capacity;
    }

    public int active() {
        return active.getAsInt();
    }

    public int capacity() {
        return capacity;
    }
}
