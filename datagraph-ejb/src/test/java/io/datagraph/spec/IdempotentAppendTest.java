package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.LimitExceededException;
import io.datagraph.Run;
import io.datagraph.RunRequest;
import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An append lands whole or not at all, and once per idempotency key: repeating it (a caller that lost
 * the answer, a store client resending the command) appends nothing more. Test configuration: entries
 * of 1,024 values, so 5,000 values span five entries.
 */
@EngineTest
class IdempotentAppendTest {

    @Inject
    Datagraph datagraph;

    @Inject
    StoreClient store;

    @Inject
    EntryCodec entries;

    private Run openRun() {
        return datagraph.start(RunRequest.of(Flow.of("greet")).open("names"));
    }

    private static List<String> greetingsOf(Run run) {
        return run.<String>io("greetings", String.class).stream().toList();
    }

    @Test
    void anAppendRepeatedWithItsKeyAppendsOnce() {
        Run run = openRun();
        run.append("names", List.of("Ada", "Grace"), "first");
        run.append("names", List.of("Ada", "Grace"), "first");
        run.append("names", List.of("Barbara"), "second");
        run.complete("names");
        assertEquals(List.of("bonjour, Ada", "bonjour, Grace", "bonjour, Barbara"), greetingsOf(run));
    }

    @Test
    void aRepeatAfterTheInputWasCompletedSucceedsAndAppendsNothing() {
        Run run = openRun();
        run.append("names", List.of("Ada"), "only");
        run.complete("names");
        run.append("names", List.of("Ada"), "only");
        assertEquals(List.of("bonjour, Ada"), greetingsOf(run));
    }

    @Test
    void aResentAppendCommandAppendsOnce() {
        Run run = openRun();
        RunKeys keys = new RunKeys("dg", run.id());
        List<EntryCodec.Batch> batches = entries.batches(run.id(), "names", List.of("\"Ada\""));
        // the same command twice, as a store client resends it when the first reply is lost
        for (int i = 0; i < 2; i++) {
            assertTrue(store.call(Scripts.appendInput(keys, "names", "lost-reply", batches, List.of())).status().ok());
        }
        run.complete("names");
        assertEquals(List.of("bonjour, Ada"), greetingsOf(run));
    }

    @Test
    void anAppendOfManyEntriesLandsWhole() {
        Run run = openRun();
        List<String> names = IntStream.range(0, 5000).mapToObj(i -> "n" + i).toList();
        run.append("names", names, "big");
        run.append("names", names, "big");
        run.complete("names");
        assertEquals(5000, greetingsOf(run).size());
    }

    @Test
    void anAppendWithAValueTooLargeAppendsNoneOfItsValues() {
        Run run = openRun();
        List<String> names = IntStream.range(0, 3000).mapToObj(i -> i == 2500 ? "x".repeat(2_000_000) : "n" + i).toList();
        assertThrows(LimitExceededException.class, () -> run.append("names", names, "refused"));
        run.append("names", List.of("Ada"), "refused");
        run.complete("names");
        assertEquals(List.of("bonjour, Ada"), greetingsOf(run));
    }
}
