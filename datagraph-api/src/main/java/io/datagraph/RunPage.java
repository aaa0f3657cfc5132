package io.datagraph;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of {@link Datagraph#history}: runs newest first, and the cursor of the next page
 * ({@link RunQuery#after}), empty on the last.
 */
public record RunPage(List<Listed> runs, Optional<String> next) {

    public RunPage {
        runs = List.copyOf(runs);
    }

    /**
     * A listed run: its id, its status as the run itself says now, its processors, who started it and
     * when. {@link Datagraph#run} gives a handle on it.
     */
    public record Listed(String id, RunStatus status, List<String> processors, Optional<String> startedBy,
                         Instant started) {

        public Listed {
            processors = List.copyOf(processors);
        }
    }
}
