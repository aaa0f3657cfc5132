package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.RunPage;
import io.datagraph.RunQuery;
import io.datagraph.RunRequest;
import io.datagraph.RunStatus;
import io.datagraph.engine.run.RunHistory;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.Flow;
import io.datagraph.testing.Await;
import io.datagraph.testing.EngineTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run history lists every retained run newest first, filtered and paged; each test starts its runs
 * as a user of its own, so that runs of other tests sharing the store do not show.
 */
@EngineTest
class RunHistoryTest {

    @Inject
    Datagraph datagraph;

    @Inject
    RunHistory history;

    @Inject
    StoreClient store;

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    private Run multiply(String user) throws InterruptedException {
        Run run = datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 2).startedBy(user));
        assertEquals(RunStatus.COMPLETED, run.await(Duration.ofSeconds(30)));
        return run;
    }

    private static List<String> ids(RunPage page) {
        return page.runs().stream().map(RunPage.Listed::id).toList();
    }

    @Test
    void pagesListEveryRunNewestFirstOnceEach() throws InterruptedException {
        String user = user();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            started.add(0, multiply(user).id());
        }
        List<String> listed = new ArrayList<>();
        RunQuery query = RunQuery.all().startedBy(user).limit(10);
        RunPage page = datagraph.history(query);
        int pages = 1;
        listed.addAll(ids(page));
        while (page.next().isPresent()) {
            page = datagraph.history(query.after(page.next().get()));
            listed.addAll(ids(page));
            pages++;
        }
        assertEquals(started, listed);
        assertEquals(3, pages);
    }

    @Test
    void filtersCombineStatusProcessorAndWhoStartedIt() throws InterruptedException {
        String user = user();
        Run completed = multiply(user);
        Run running = datagraph.start(RunRequest.of(Flow.of("greet")).open("names").startedBy(user));
        Run failed = datagraph.start(RunRequest.of(Flow.of("boom")).input("n", 3).startedBy(user));
        assertEquals(RunStatus.FAILED, failed.await(Duration.ofSeconds(30)));
        assertEquals(List.of(running.id()), ids(datagraph.history(RunQuery.all().startedBy(user).status(RunStatus.RUNNING))));
        assertEquals(List.of(failed.id()), ids(datagraph.history(RunQuery.all().startedBy(user).status(RunStatus.FAILED))));
        assertEquals(List.of(completed.id()), ids(datagraph.history(RunQuery.all().startedBy(user).processor("multiply"))));
        RunPage.Listed greet = datagraph.history(RunQuery.all().startedBy(user).processor("greet")).runs().get(0);
        assertEquals(List.of("greet"), greet.processors());
        assertEquals(user, greet.startedBy().orElseThrow());
        running.cancel();
        Await.until(() -> ids(datagraph.history(RunQuery.all().startedBy(user).status(RunStatus.CANCELLED)))
                .equals(List.of(running.id())), Duration.ofSeconds(30), "the cancelled run is not listed as CANCELLED");
    }

    @Test
    void sinceLeavesOutEarlierRuns() throws InterruptedException {
        String user = user();
        multiply(user);
        // the millisecond after the earlier run started, by the store's clock; the later one starts after it
        Instant between = datagraph.history(RunQuery.all().startedBy(user)).runs().get(0).started().plusMillis(1);
        Await.until(() -> Instant.now().isAfter(between), Duration.ofSeconds(5), "the clock did not pass " + between);
        Run later = multiply(user);
        assertEquals(List.of(later.id()), ids(datagraph.history(RunQuery.all().startedBy(user).since(between))));
    }

    @Test
    void anExpiredRunIsNotListedAndIsForgottenByEveryIndex() throws InterruptedException {
        String user = user();
        Run kept = multiply(user);
        Run expiring = datagraph.start(RunRequest.of(Flow.of("multiply")).input("foo", 2).startedBy(user)
                .retention(Duration.ofSeconds(1)));
        assertEquals(RunStatus.COMPLETED, expiring.await(Duration.ofSeconds(30)));
        Await.until(() -> store.redisson().getKeys().countExists("dg:{" + expiring.id() + "}:meta") == 0,
                Duration.ofSeconds(30), "the run never expired");
        assertEquals(List.of(kept.id()), ids(datagraph.history(RunQuery.all().startedBy(user))));
        // forgotten once it is older than a run still being written may be (the watchdog's walker, every 1.5 s here)
        List<String> indexes = List.of("dg:{runs}:history", "dg:{runs}:history:by:" + user,
                "dg:{runs}:history:processor:multiply", "dg:{runs}:history:status:COMPLETED");
        Await.until(() -> indexes.stream().allMatch(index ->
                        store.redisson().getScoredSortedSet(index).getScore(expiring.id()) == null)
                        && !store.redisson().getMap("dg:{runs}:history:runs").containsKey(expiring.id()),
                Duration.ofSeconds(60), "the expired run is still indexed");
        assertTrue(store.redisson().getScoredSortedSet("dg:{runs}:history").getScore(kept.id()) != null);
    }

    @Test
    void aCursorThatNoPageAnsweredIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> datagraph.history(RunQuery.all().after("not-a-cursor")));
        assertTrue(e.getMessage().contains("not-a-cursor"), e.getMessage());
    }
}
