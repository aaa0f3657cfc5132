package io.datagraph.engine.run;

import io.datagraph.RunFailure;
import io.datagraph.RunStatus;

import java.util.Optional;

/** A run's status as last read from the store. */
public record RunState(String runId, RunStatus status, Optional<RunFailure> failure) {
}
