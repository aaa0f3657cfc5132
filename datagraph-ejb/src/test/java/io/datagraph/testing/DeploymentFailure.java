package io.datagraph.testing;

import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asserts that a CDI deployment fails, and reads what it says. */
public final class DeploymentFailure {

    private DeploymentFailure() {
    }

    /** The messages of the deployment failure of {@code weld}, every cause and suppressed one included. */
    public static String of(Weld weld) {
        DeploymentException e = assertThrows(DeploymentException.class, () -> {
            try (WeldContainer ignored = weld.initialize()) {
                // deployed: the assertion fails
            }
        });
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                messages.append(suppressed.getMessage()).append('\n');
            }
        }
        return messages.toString();
    }

    public static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }
}
