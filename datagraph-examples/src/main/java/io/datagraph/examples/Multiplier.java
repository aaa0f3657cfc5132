package io.datagraph.examples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A dependency of {@link Multiply}: the factor, from config {@code example.multiplier}. */
@ApplicationScoped
public class Multiplier {

    @Inject
    @ConfigProperty(name = "example.multiplier", defaultValue = "2")
    int factor;

    public int get() {
        return factor;
    }
}
