package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.flow.Flow;
import io.datagraph.spi.ProcessorExecutor;
import io.datagraph.spi.ProcessorTask;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application's own {@link ProcessorExecutor}, selected by {@code datagraph.executor.mode}, runs the
 * processors: here one thread taking tasks newest first from its own queue, the worst order for a
 * chain (consumers before their producers). The engine's help keeps it from deadlocking.
 */
@EngineTest
@DatagraphTest(beans = CustomExecutorTest.OneThreadNewestFirst.class, config = "datagraph.executor.mode=newest-first")
class CustomExecutorTest {

    @Inject
    Datagraph datagraph;

    @Inject
    @Named("newest-first")
    OneThreadNewestFirst executor;

    /** Runs every processor but {@code bar} on one thread, newest task first; records what it was given. */
    @Named("newest-first")
    @ApplicationScoped
    public static class OneThreadNewestFirst implements ProcessorExecutor {
        private final ConcurrentLinkedQueue<String> given = new ConcurrentLinkedQueue<>();
        private final BlockingDeque<ProcessorTask> queue = new LinkedBlockingDeque<>();
        private final Thread worker = new Thread(this::work, "newest-first");

        public OneThreadNewestFirst() {
            worker.setDaemon(true);
            worker.start();
        }

        private void work() {
            try {
                while (true) {
                    queue.takeFirst().run();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        @PreDestroy
        void stop() {
            worker.interrupt();
        }

        /** {@code <run>/<processor>} of every task it was given. */
        List<String> given() {
            return List.copyOf(given);
        }

        @Override
        public boolean canExecute(String processor) {
            return !processor.equals("bar");
        }

        @Override
        public void execute(ProcessorTask task) {
            given.add(task.runId() + "/" + task.processor());
            queue.addFirst(task);
        }
    }

    @Test
    void processorsAreGivenToTheSelectedExecutor() {
        Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3)));
        assertEquals(List.of(0, 2, 4), run.<Integer>io("bar", Integer.class).stream().toList());
        assertTrue(executor.given().contains(run.id() + "/multiply"), "multiply did not go through the executor: "
                + executor.given());
    }

    @Test
    void aChainCompletesOnOneThreadTakingConsumersFirst() {
        Flow chain = Flow.of(IntStream.rangeClosed(1, 5).mapToObj(i -> "link" + i).toList());
        Run run = datagraph.start(chain, Map.of("s0", List.of(1, 2, 3)));
        List<Integer> out = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run.<Integer>io("s5", Integer.class).stream().toList());
        assertEquals(List.of(6, 7, 8), out);
        for (int i = 1; i <= 5; i++) {
            assertTrue(executor.given().contains(run.id() + "/link" + i), "link" + i + " did not go through the executor");
        }
    }

    @Test
    void aProcessorTheExecutorCannotRunGoesThroughTheStore() {
        Run run = datagraph.start(Flow.of("foo", "bar"), Map.of("a", List.of(4)));
        assertEquals(List.of(6, 7, 8, 9), run.<Integer>io("d", Integer.class).stream().toList());
        assertTrue(executor.given().contains(run.id() + "/foo"));
        assertTrue(executor.given().stream().noneMatch(task -> task.equals(run.id() + "/bar")),
                "bar was given to an executor that cannot run it");
    }
}
