package io.datagraph.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** CPU time of local processes, from {@code /proc} (Linux): how a benchmark splits its cost between client, server and store. */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    private ProcessCpu() {
    }

    /** CPU seconds (user + system) of this JVM so far. */
    public static double self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU seconds (user + system) of process {@code pid} so far, or NaN where it cannot be read. */
    public static double of(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            return cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds of the JIT compiler threads of JVM {@code pid} so far (HotSpot's "C1/C2 CompilerThread",
     * whose names {@code /proc} cuts to 15 characters), or NaN where they cannot be read: how much of a
     * server's CPU went to compiling rather than to the work measured.
     */
    public static double jitCompilerOf(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.mapToDouble(ProcessCpu::ifCompilerThread).sum();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double ifCompilerThread(Path thread) {
        try {
            String comm = Files.readString(thread.resolve("comm")).strip();
            return comm.matches("C[12] CompilerThre.*") ? cpuSeconds(Files.readString(thread.resolve("stat"))) : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    private static double cpuSeconds(String stat) {
        // fields after the command name, which is parenthesised and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The process listening on a local TCP port, found through {@code /proc/net/tcp*} and the processes' sockets. */
    public static OptionalLong listeningOn(int port) {
        String inode = listeningSocketInode(port);
        if (inode == null) {
            return OptionalLong.empty();
        }
        String target = "socket:[" + inode + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holds(p, target))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static String listeningSocketInode(int port) {
        String hexPort = String.format(":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address ends with the port; state 0A is LISTEN
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        return f[9];
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table: try the next
            }
        }
        return null;
    }

    private static boolean holds(Path process, String socket) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(socket);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
