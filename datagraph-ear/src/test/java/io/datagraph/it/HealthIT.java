package io.datagraph.it;

import io.datagraph.test.RedisServer;
import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MicroProfile Health on the management port: readiness follows the store, liveness the engine. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpResponse<String> readyWithin(int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> response = Api.health("ready");
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = Api.health("ready");
        }
        return response;
    }

    @Test
    void readinessGoesDownWithTheStoreAndUpWhenItReturns() throws InterruptedException {
        HttpResponse<String> up = readyWithin(200, Duration.ofSeconds(30));
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(up.body().contains("\"datagraph-store\",\"status\":\"UP\""), up.body());
        RedisServer redis = TestStore.server();
        redis.stop();
        try {
            HttpResponse<String> down = readyWithin(503, Duration.ofSeconds(30));
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"datagraph-store\",\"status\":\"DOWN\""), down.body());
        } finally {
            redis.restart();
        }
        HttpResponse<String> back = readyWithin(200, Duration.ofSeconds(30));
        assertEquals(200, back.statusCode(), back.body());
    }

    @Test
    void readinessReportsTheEngineRanItsOwnFlowAndTheRestLayerWarmedUpOverHttp() {
        HttpResponse<String> ready = Api.health("ready");
        assertEquals(200, ready.statusCode(), ready.body());
        jakarta.json.JsonObject warmUp = Api.json(ready).getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("datagraph-warm-up")).findFirst().orElseThrow();
        assertEquals("UP", warmUp.getString("status"), ready.body());
        // the engine ran a run of its own processors on this server's executor
        String engine = warmUp.getJsonObject("data").getString("engine");
        assertTrue(engine.matches("ran its own range -> square -> sum over 20000 values, then 20 times over 10, in [0-9]+ ms"), engine);
        // it called this server's own API (found, not configured, on WildFly) and read every event of its run
        String rest = warmUp.getJsonObject("data").getString("rest");
        assertTrue(rest.matches("called " + java.util.regex.Pattern.quote(Api.BASE) + " 6 times, 20000 events, then 100 times more"
                + " over a run of 10 values, in [0-9]+ ms"), rest);
    }

    @Test
    void livenessReportsTheEngineAndThePoolItRunsProcessorsOn() {
        // a run first: the pool is looked up when the first processor is handed to it
        String run = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}");
        assertEquals("[0,2,4]", Api.get("/flows/" + run + "/outputs/bar", "application/json").body());
        HttpResponse<String> live = Api.health("live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"datagraph-engine\",\"status\":\"UP\""), live.body());
        // the server's pool, though the first processors here (the warm-up's) started from a thread that does not see java:comp
        assertTrue(live.body().contains("\"executor\":\"the server's ManagedExecutorService ("), live.body());
    }
}
