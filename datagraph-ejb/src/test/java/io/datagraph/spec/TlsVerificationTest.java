package io.datagraph.spec;

import io.datagraph.testing.EngineDeployment;
import io.datagraph.test.RedisServer;
import io.datagraph.testing.TestCertificate;
import io.datagraph.test.TestConfig;
import jakarta.enterprise.inject.Any;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TLS store whose certificate the engine must not accept: readiness is DOWN with a message that
 * names the cause and the key to change. Its certificate names another host: refused under STRICT,
 * accepted under CA_ONLY (the CA still checked). A certificate from another CA: refused.
 */
class TlsVerificationTest {

    private static final Path DIR = tempDir();
    /** Trusted by the engine, but issued for another host name. */
    private static final TestCertificate ELSEWHERE = TestCertificate.create(DIR, "elsewhere", "CN=store.example",
            "SAN=dns:store.example");
    /** Not trusted by the engine at all. */
    private static final TestCertificate STRANGER = TestCertificate.create(DIR, "stranger");
    private static final int ELSEWHERE_PORT = RedisServer.freePort();
    private static final int STRANGER_PORT = RedisServer.freePort();

    private static final RedisServer STORE = RedisServer.start(
            "--tls-port", String.valueOf(ELSEWHERE_PORT),
            "--tls-cert-file", ELSEWHERE.certificatePem().toString(),
            "--tls-key-file", ELSEWHERE.keyPem().toString(),
            "--tls-auth-clients", "no");
    private static final RedisServer STRANGERS_STORE = RedisServer.start(
            "--tls-port", String.valueOf(STRANGER_PORT),
            "--tls-cert-file", STRANGER.certificatePem().toString(),
            "--tls-key-file", STRANGER.keyPem().toString(),
            "--tls-auth-clients", "no");

    @AfterEach
    void forgetConfiguration() {
        TestConfig.clear();
    }

    @AfterAll
    static void stopTheStores() {
        STORE.close();
        STRANGERS_STORE.close();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("datagraph-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The readiness of an engine on the TLS store at {@code port} that trusts ELSEWHERE's certificate. */
    private static HealthCheckResponse readiness(int port, String verify) {
        Map<String, String> config = new HashMap<>(Map.of("datagraph.redis.url", "rediss://127.0.0.1:" + port,
                "datagraph.redis.tls.truststore", ELSEWHERE.keystore().toString(),
                "datagraph.redis.tls.truststore-password", ELSEWHERE.password(),
                "datagraph.redis.tls.verify", verify,
                "datagraph.redis.cluster-nodes", "", "datagraph.redis.timeout", "PT1S"));
        TestConfig.set(config);
        try (WeldContainer container = EngineDeployment.weld().initialize()) {
            return container.select(HealthCheck.class, Readiness.Literal.INSTANCE).stream()
                    .map(HealthCheck::call).filter(response -> response.getName().equals("datagraph-store"))
                    .findFirst().orElseThrow();
        }
    }

    private static String error(HealthCheckResponse response) {
        return response.getData().map(data -> String.valueOf(data.get("error"))).orElse("");
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnderStrict() {
        HealthCheckResponse response = readiness(ELSEWHERE_PORT, "STRICT");
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(error(response).contains("datagraph.redis.tls.verify"), error(response));
    }

    @Test
    void aCertificateForAnotherHostIsAcceptedUnderCaOnly() {
        HealthCheckResponse response = readiness(ELSEWHERE_PORT, "CA_ONLY");
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), error(response));
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedNamingTheTruststore() {
        HealthCheckResponse response = readiness(STRANGER_PORT, "CA_ONLY");
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(error(response).contains("datagraph.redis.tls.truststore"), error(response));
    }
}
