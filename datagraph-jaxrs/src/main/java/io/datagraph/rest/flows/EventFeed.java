package io.datagraph.rest.flows;

import java.io.IOException;

/** What one Server-Sent-Events response sends: writes its events until it is done ({@link SsePumps}). */
@FunctionalInterface
interface EventFeed {

    /**
     * Writes the feed's events, flushing whenever the client should see what was written so far.
     *
     * @throws IOException when the client went away (or was given up on)
     */
    void writeTo(EventStream events) throws IOException, InterruptedException;
}
