package io.datagraph.test;

import java.io.IOException;

/** Sends a POSIX signal to a process the tests started ({@code kill -STOP}, {@code kill -CONT}). */
public final class ProcessSignals {

    private ProcessSignals() {
    }

    public static void send(Process process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
