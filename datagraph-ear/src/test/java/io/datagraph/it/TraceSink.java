package io.datagraph.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The OTLP receiver the test server exports its spans to, listening for the whole test session (from
 * before the first test class to after the last), so that the server's exporter never meets a closed
 * port: failed exports are retried with backoff, and spans queued behind them would reach a receiver
 * started by {@link TracingIT} alone only after its deadline. Registered through
 * {@code META-INF/services}; idle unless {@code datagraph.it.otlp.port} names the port.
 */
public final class TraceSink implements LauncherSessionListener {

    private static volatile OtlpReceiver receiver;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("datagraph.it.otlp.port");
        if (port != null && !port.isBlank() && receiver == null) {
            try {
                receiver = new OtlpReceiver(Integer.parseInt(port));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot receive spans on port " + port, e);
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }

    /** The session's receiver. */
    static OtlpReceiver receiver() {
        if (receiver == null) {
            throw new IllegalStateException("no OTLP receiver: datagraph.it.otlp.port is not set");
        }
        return receiver;
    }
}
