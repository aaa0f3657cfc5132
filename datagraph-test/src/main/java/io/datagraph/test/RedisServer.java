package io.datagraph.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis (or Valkey) server process on a loopback port, for tests. The binary is
 * {@code $DATAGRAPH_REDIS_SERVER}, else {@code valkey-server} or {@code redis-server} on the PATH,
 * else the Linux x86-64 {@code redis-server} 6.2 that the {@code embedded-redis} artifact carries.
 * Its append-only file lives in a temporary directory that {@link #close()} deletes, and so does the
 * JVM's exit for a server never closed (a static one, say): a test run leaves no data behind.
 *
 * <p>Instances are not safe for concurrent use by several threads; {@link #close()} is idempotent.
 */
public final class RedisServer implements AutoCloseable {

    private static final String BUNDLED = "redis-server-6.2.6-v5-linux-amd64";
    /** Servers not yet closed, which the JVM's exit stops and deletes the data of. */
    private static final Set<RedisServer> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(RedisServer::close),
                "datagraph-redis-cleanup"));
    }

    private final int port;
    private final List<String> extraArgs;
    private final Path dir;
    /** A sentinel's configuration file (sentinels rewrite it), or null for a data server. */
    private Path sentinelConfig;
    private Process process;

    private RedisServer(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = extraArgs;
        try {
            this.dir = Files.createTempDirectory("datagraph-redis-" + port + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        OPEN.add(this);
    }

    /** Starts a server on a free port with extra {@code --option value} arguments. */
    public static RedisServer start(String... extraArgs) {
        return startOn(freePort(), extraArgs);
    }

    /** Starts a server on the given port. */
    public static RedisServer startOn(int port, String... extraArgs) {
        RedisServer server = new RedisServer(port, List.of(extraArgs));
        server.startProcess();
        return server;
    }

    /**
     * Starts a Redis Sentinel on a free port watching the master at {@code masterPort} under
     * {@code masterName} (quorum 2, down after 1 s, failover timeout 5 s).
     */
    public static RedisServer startSentinel(String masterName, int masterPort) {
        RedisServer sentinel = new RedisServer(freePort(), List.of());
        sentinel.sentinelConfig = sentinel.dir.resolve("sentinel.conf");
        try {
            Files.writeString(sentinel.sentinelConfig, String.join("\n",
                    "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 2",
                    "sentinel down-after-milliseconds " + masterName + " 1000",
                    "sentinel failover-timeout " + masterName + " 5000",
                    "sentinel parallel-syncs " + masterName + " 1", ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sentinel.startProcess();
        return sentinel;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * The configuration of an engine whose store is this server alone: its URL, and no Cluster, which
     * the test run's Cluster execution would otherwise set.
     */
    public Map<String, String> asTheStore() {
        return Map.of("datagraph.redis.url", url(), "datagraph.redis.cluster-nodes", "");
    }

    /** Kills the server (as a crash would) and waits for it to exit. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Kills the server and starts it again on the same port; what its append-only file holds survives. */
    public void restart() {
        stop();
        startProcess();
    }

    /** Kills the server and starts it again on the same port without its data (a store that comes back empty). */
    public void restartEmpty() {
        stop();
        deleteData(false);
        startProcess();
    }

    /** Deletes what the server wrote to its directory, and the directory too when {@code itself}. */
    private void deleteData(boolean itself) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(path -> itself || !path.equals(dir)).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shuts the server down cleanly (SHUTDOWN: the append-only file is complete) and waits for it. */
    public void shutdown() {
        try {
            command("SHUTDOWN");
        } catch (IOException expected) {
            // the server closes the connection as it goes
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Freezes the server (kill -STOP): connections stay open, nothing is answered or refused. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a frozen server go on (kill -CONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        ProcessSignals.send(process, name);
    }

    /** Starts the server again after {@link #shutdown()}, with the data it had. */
    public void startAgain() {
        startProcess();
    }

    /** Kills the server and deletes its data directory. */
    @Override
    public void close() {
        stop();
        deleteData(true);
        OPEN.remove(this);
    }

    private void startProcess() {
        // an append-only file (flushed every second, complete after SHUTDOWN) lets tests restart the store
        List<String> command = sentinelConfig != null
                ? new ArrayList<>(List.of(binary().toString(), sentinelConfig.toString(), "--sentinel", "--port",
                        String.valueOf(port), "--bind", "127.0.0.1", "--dir", dir.toString(), "--daemonize", "no"))
                : new ArrayList<>(List.of(binary().toString(), "--port", String.valueOf(port),
                        "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "everysec",
                        "--dir", dir.toString(), "--daemonize", "no"));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis server " + command + " did not come up on port " + port);
            }
            sleep(20);
        }
    }

    private boolean answersPing() {
        try {
            String reply = command("PING");
            // a server that requires a password answers NOAUTH: it is up all the same
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends one inline command on a fresh connection and returns the raw reply (as much as arrives
     * within 200 ms of the first bytes). For assertions on server state, e.g. {@code CLIENT LIST}.
     */
    public String command(String... words) throws IOException {
        try (Socket socket = connect(2000)) {
            OutputStream out = socket.getOutputStream();
            out.write((String.join(" ", words) + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream reply = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[65536];
            int read = in.read(chunk);
            socket.setSoTimeout(200);
            while (read > 0) {
                reply.write(chunk, 0, read);
                try {
                    read = in.read(chunk);
                } catch (java.net.SocketTimeoutException done) {
                    break;
                }
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }

    /** Every key in the server (KEYS *), read exactly as stored, whatever bytes the names hold. */
    public List<String> keys() throws IOException {
        try (Socket socket = connect(5000)) {
            socket.getOutputStream().write("KEYS *\r\n".getBytes(StandardCharsets.US_ASCII));
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            String header = line(in);
            if (!header.startsWith("*")) {
                throw new IOException("KEYS answered " + header);
            }
            List<String> keys = new ArrayList<>();
            for (int i = Integer.parseInt(header.substring(1)); i > 0; i--) {
                byte[] key = new byte[Integer.parseInt(line(in).substring(1))];
                in.readFully(key);
                line(in);
                keys.add(new String(key, StandardCharsets.UTF_8));
            }
            return keys;
        }
    }

    private Socket connect(int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(readTimeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One RESP line, without its CRLF. */
    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            line.append((char) b);
        }
        in.read();
        return line.toString();
    }

    static Path binary() {
        String configured = System.getenv("DATAGRAPH_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String name : List.of("valkey-server", "redis-server")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return bundled();
    }

    private static synchronized Path bundled() {
        try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on the PATH and no " + BUNDLED
                        + " on the classpath (com.github.codemonstur:embedded-redis)");
            }
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "datagraph-" + BUNDLED);
            Path partial = Files.createTempFile(target.getParent(), "datagraph-redis", ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            partial.toFile().setExecutable(true);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack " + BUNDLED, e);
        }
    }

    /** A port free on loopback now, for a second listener (e.g. {@code --tls-port}). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
