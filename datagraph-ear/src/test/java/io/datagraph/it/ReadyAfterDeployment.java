package io.datagraph.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Before the first test of a class that deploys to the server (an Arquillian {@code @Deployment}; the EAR is
 * deployed anew per class), waits until the server reports ready: the deployment's warm-up, the engine's and
 * the REST layer's, has ended, so that tests neither compete with it nor meet its requests and its event
 * stream (e.g. among the SSE clients counted against the limit). As a load balancer would. Registered for
 * every test class by autodetection ({@code junit-platform.properties}); a class that deploys nothing is
 * left alone.
 */
public final class ReadyAfterDeployment implements BeforeEachCallback {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        Class<?> testClass = context.getRequiredTestClass();
        if (!deploys(testClass)) {
            return;
        }
        ExtensionContext classContext = context.getParent().orElseThrow();
        ExtensionContext.Store store = classContext.getStore(ExtensionContext.Namespace.create(ReadyAfterDeployment.class, testClass));
        if (store.get("ready") == null) {
            awaitReady();
            store.put("ready", Boolean.TRUE);
        }
    }

    private static boolean deploys(Class<?> testClass) {
        return Arrays.stream(testClass.getDeclaredMethods()).anyMatch(method -> Modifier.isStatic(method.getModifiers())
                && method.isAnnotationPresent(Deployment.class));
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> ready = Api.health("ready");
        while (ready.statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server was not ready " + TIMEOUT.toSeconds() + " s after the deployment: " + ready.body());
            }
            Thread.sleep(50); // polls the state the server reports, with the deadline above
            ready = Api.health("ready");
        }
    }
}
