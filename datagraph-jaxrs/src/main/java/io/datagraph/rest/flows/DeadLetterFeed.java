package io.datagraph.rest.flows;

import io.datagraph.DeadLetter;
import io.datagraph.Run;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Sends a run's dead letters as Server-Sent Events as they appear — one event each, {@code id:} its
 * index among them — and {@code event: complete} once the run has ended and every one was sent.
 * Looks again every half second, or at once when the run ends.
 */
final class DeadLetterFeed implements EventFeed {

    private final Run run;

    DeadLetterFeed(Run run) {
        this.run = run;
    }

    @Override
    public void writeTo(EventStream events) throws IOException, InterruptedException {
        int sent = 0;
        while (true) {
            boolean ended = run.status().isTerminal();
            List<DeadLetter> letters = run.deadLetters();
            for (; sent < letters.size(); sent++) {
                events.send(null, String.valueOf(sent), RunJson.deadLetter(letters.get(sent)).toString());
            }
            if (ended) {
                events.send("complete", null, "");
                events.flush();
                return;
            }
            events.flush();
            run.await(Duration.ofMillis(LiveRun.PERIOD_MILLIS));
        }
    }
}
