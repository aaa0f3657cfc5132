package io.datagraph.testing;

import io.datagraph.test.ProcessSignals;
import io.datagraph.test.TestStore;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second engine node in its own JVM (Weld SE, same code, same store), for tests of processors
 * running on other nodes. Prints {@code READY} once started and stops when its standard input closes.
 * A line {@code start p1,p2} on its standard input starts a flow of those processors there (without
 * inputs) and answers {@code RUN <id>}: {@link #startRun}.
 *
 * <pre>java -cp … -Ddatagraph.redis.url=… -Ddatagraph.node.id=… -Ddatagraph.processors.enabled=… io.datagraph.testing.EngineNode</pre>
 */
public final class EngineNode implements AutoCloseable {

    private final Process process;
    private final java.util.concurrent.BlockingQueue<String> startedRuns = new java.util.concurrent.LinkedBlockingQueue<>();

    private EngineNode(Process process, BufferedReader output) {
        this.process = process;
        // keep reading what the node prints, so that it never blocks on a full pipe
        Thread drain = new Thread(() -> output.lines().filter(line -> line.startsWith("RUN "))
                .forEach(line -> startedRuns.add(line.substring(4))), "engine-node-output");
        drain.setDaemon(true);
        drain.start();
    }

    public static void main(String[] args) throws IOException {
        try (WeldContainer container = EngineDeployment.weld().initialize()) {
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("start ")) {
                    io.datagraph.Run run = container.select(io.datagraph.Datagraph.class).get()
                            .start(io.datagraph.flow.Flow.of(line.substring(6).split(",")), java.util.Map.of());
                    System.out.println("RUN " + run.id());
                    System.out.flush();
                }
            }
        }
    }

    /**
     * Starts a node named {@code nodeId} serving {@code enabled} (comma-separated), on the store this
     * test run uses ({@link TestStore#storeProperties()}).
     */
    public static EngineNode start(String nodeId, String enabled) throws IOException {
        return start(nodeId, enabled, TestStore.storeProperties());
    }

    /** Starts a node with these configuration properties besides its id and processors. */
    public static EngineNode start(String nodeId, String enabled, java.util.Map<String, String> properties)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "-Ddatagraph.node.id=" + nodeId, "-Ddatagraph.processors.enabled=" + enabled));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(EngineNode.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("READY")) {
                return new EngineNode(process, out);
            }
            log.append(line).append('\n');
        }
        throw new IllegalStateException("engine node did not start:\n" + log);
    }

    /**
     * Starts a flow of {@code processors} (no inputs) on this node, and returns the run's id once the
     * node answered (within 30 s).
     */
    public String startRun(String... processors) throws IOException, InterruptedException {
        java.io.OutputStream in = process.getOutputStream();
        in.write(("start " + String.join(",", processors) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String runId = startedRuns.poll(30, TimeUnit.SECONDS);
        if (runId == null) {
            throw new IllegalStateException("engine node did not start a run of " + String.join(",", processors));
        }
        return runId;
    }

    /** Freezes the node, as {@code kill -STOP} does (a long GC pause, a swapped-out VM): it answers nothing. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a paused node go on where it stopped, as {@code kill -CONT} does. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        ProcessSignals.send(process, name);
    }


    /** Kills the node at once, as {@code kill -9} would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
