package io.datagraph.engine.io;

import io.datagraph.DatagraphException;

/**
 * A processor's attempt was taken over by a newer one (its node was presumed dead): its writes are
 * refused and it must stop. Not a failure of the run.
 */
public class AttemptSupersededException extends DatagraphException {

    public AttemptSupersededException(String writer, String runId) {
        super("attempt " + writer + " of run " + runId + " was superseded by a newer attempt; its writes are refused");
    }
}
