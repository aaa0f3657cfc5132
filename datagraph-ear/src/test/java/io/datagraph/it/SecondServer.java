package io.datagraph.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second WildFly, started by the test from the build's provisioned server with a base directory and
 * ports of its own, configured by system properties as the test's server is: another server of the same
 * installation, on the same store. Deployments go through its deployment scanner, as an operator's would.
 */
final class SecondServer implements AutoCloseable {

    private final Path base;
    private final Process process;
    private final int offset;

    private SecondServer(Path base, Process process, int offset) {
        this.base = base;
        this.process = process;
        this.offset = offset;
    }

    /** Its HTTP listener, e.g. {@code http://127.0.0.1:8480}. */
    String http() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    /** Starts the server with these system properties; returns once its management interface answers. */
    static SecondServer start(Map<String, String> properties) throws IOException, InterruptedException {
        return start(properties, false);
    }

    /**
     * Starts the server; {@code withoutTelemetry}: its configuration without the OpenTelemetry and
     * MicroProfile Telemetry subsystems, as a server provisioned without the {@code microprofile-telemetry}
     * layer has it (deployments then see no OpenTelemetry API).
     */
    static SecondServer start(Map<String, String> properties, boolean withoutTelemetry)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("datagraph.it.wildfly-home", "target/server"));
        Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "second-server-"); // the build's: kept for its logs, gone with it
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        // the test's own server records what Arquillian deploys to it in this file: start without those
        Path config = base.resolve("configuration/standalone.xml");
        String xml = Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", "");
        if (withoutTelemetry) {
            xml = xml.replaceAll("\\s*<extension module=\"org\\.wildfly\\.extension\\.(microprofile\\.telemetry|opentelemetry)\"/>", "")
                    .replaceAll("\\s*<subsystem xmlns=\"urn:wildfly:(microprofile-telemetry|opentelemetry):[^\"]*\"/>", "");
            if (xml.contains("telemetry")) {
                throw new IllegalStateException("telemetry left in " + config);
            }
        }
        Files.writeString(config, xml);
        Files.createDirectories(base.resolve("deployments"));
        int offset = freeOffset();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx512m");
        SecondServer server = new SecondServer(base, builder.start(), offset);
        server.awaitLog("WFLYSRV0025", Duration.ofMinutes(3)); // "started" (in n ms)
        return server;
    }

    /** Deploys {@code archive} through the scanner and waits until it is deployed; fails with its error if not. */
    void deploy(Path archive) throws IOException, InterruptedException {
        Path deployments = base.resolve("deployments");
        // the scanner takes an archive's kind from its name: an EAR built as datagraph-ear-….ear keeps it
        String name = archive.getFileName().toString();
        Files.copy(archive, deployments.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(deployments.resolve(name + ".deployed"))) {
            if (Files.exists(deployments.resolve(name + ".failed"))) {
                throw new IllegalStateException(name + " failed to deploy: " + Files.readString(deployments.resolve(name + ".failed")));
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(name + " was not deployed within 3 minutes; " + console());
            }
            Thread.sleep(100);
        }
    }

    private void awaitLog(String marker, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!console().contains(marker)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("the second server did not start; " + console());
            }
            Thread.sleep(100);
        }
    }

    private String console() throws IOException {
        Path log = base.resolve("console.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** A port offset whose HTTP and management ports are free now. */
    private static int freeOffset() {
        for (int offset = 300; offset < 2000; offset += 17) {
            if (free(8080 + offset) && free(9990 + offset) && free(8443 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for a second server");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.toString().contains("standalone_xml_history")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Stops the server (SIGTERM, which the start script passes on) and kills what is left after 30 s. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
