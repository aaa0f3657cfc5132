package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.flow.Flow;
import io.datagraph.test.DatagraphTest;
import io.datagraph.testing.EngineTest;
import io.datagraph.test.RedisServer;
import io.datagraph.testing.TestCertificate;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine talks to a store over TLS ({@code rediss://}), trusting the store's certificate through
 * datagraph.redis.tls.truststore and checking its host name, and presents a client certificate
 * (datagraph.redis.tls.keystore) to a store that requires one.
 */
@EngineTest
class TlsStoreTest {

    private static final TestCertificate SERVER = TestCertificate.create(tempDir(), "server");
    private static final TestCertificate CLIENT = TestCertificate.create(tempDir(), "client");
    private static final int TLS_PORT = RedisServer.freePort();

    /** Plain port for the test's own checks; TLS port, requiring a client certificate, for the engine. */
    private static final RedisServer STORE = RedisServer.start(
            "--tls-port", String.valueOf(TLS_PORT),
            "--tls-cert-file", SERVER.certificatePem().toString(),
            "--tls-key-file", SERVER.keyPem().toString(),
            "--tls-ca-cert-file", CLIENT.certificatePem().toString(),
            "--tls-auth-clients", "yes");

    @Inject
    Datagraph datagraph;

    /** This node's configuration: the store's TLS port, its certificate as trusted, our own to present. */
    @DatagraphTest.Configuration
    static Map<String, String> tlsStore() {
        return Map.of("datagraph.redis.url", "rediss://127.0.0.1:" + TLS_PORT,
                "datagraph.redis.tls.truststore", SERVER.keystore().toString(),
                "datagraph.redis.tls.truststore-password", SERVER.password(),
                "datagraph.redis.tls.keystore", CLIENT.keystore().toString(),
                "datagraph.redis.tls.keystore-password", CLIENT.password(),
                "datagraph.redis.cluster-nodes", "");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("datagraph-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopTheStore() {
        STORE.close();
    }

    @Test
    void flowsRunOverTlsWithAClientCertificate() throws IOException {
        Run run = datagraph.start(Flow.of("multiply"), Map.of("foo", List.of(3)));
        assertEquals(List.of(0, 2, 4), run.<Integer>io("bar", Integer.class).stream().toList());
        String clients = STORE.command("CLIENT", "LIST");
        assertEquals(true, clients.contains("laddr=127.0.0.1:" + TLS_PORT), "the engine should use the TLS port: " + clients);
    }
}
