package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /flows/{id}/restart}: a FAILED run runs again; any other is 409, an unknown one 404. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String status = "RUNNING";
        while (status.equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = Api.json(Api.get("/flows/" + id, "application/json")).getString("status");
        }
        return status;
    }

    @Test
    void aFailedRunRunsAgainWhereItFailed() throws InterruptedException {
        // producer reads its input as an int: a string makes it throw, again after a restart
        String id = Api.start("{\"processors\":[\"producer\",\"consumer\"],\"inputs\":{\"input\":[\"many\"]}}");
        assertEquals("FAILED", awaitEnd(id));
        var response = Api.post("/flows/" + id + "/restart", "");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("FAILED", awaitEnd(id), "the same input fails the same way");
        assertEquals("producer", Api.json(Api.get("/flows/" + id, "application/json")).getJsonObject("error")
                .getString("processor"));
    }

    @Test
    void aRunThatDidNotFailIs409() throws InterruptedException {
        String id = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[2]}}");
        assertEquals("COMPLETED", awaitEnd(id));
        var response = Api.post("/flows/" + id + "/restart", "");
        assertEquals(409, response.statusCode(), response.body());
        assertTrue(response.body().contains("only a FAILED run"), response.body());
    }

    @Test
    void anUnknownRunIs404() {
        assertEquals(404, Api.post("/flows/no-such-run/restart", "").statusCode());
    }
}
