package io.datagraph.engine.run;

import io.datagraph.RunFailure;
import io.datagraph.RunStatus;

import java.util.Optional;

/**
 * A run's status as last read from the store.
 *
 * @param started  store time of its start (absent for runs older than the field)
 * @param finished store time of its end, once it ended
 */
public record RunState(String runId, RunStatus status, Optional<RunFailure> failure, Optional<java.time.Instant> started,
                       Optional<java.time.Instant> finished) {
}
