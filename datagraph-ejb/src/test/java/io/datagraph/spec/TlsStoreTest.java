package io.datagraph.spec;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.engine.config.EngineConfig;
import io.datagraph.flow.Flow;
import io.datagraph.testing.EngineDeployment;
import io.datagraph.testing.RedisServer;
import io.datagraph.testing.TestCertificate;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine talks to a store over TLS ({@code rediss://}), trusting the store's certificate through
 * datagraph.redis.tls.truststore and checking its host name, and presents a client certificate
 * (datagraph.redis.tls.keystore) to a store that requires one.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

    @WeldSetup
    WeldInitiator weld = EngineDeployment.initiator(TlsStore.class);

    @Inject
    Datagraph datagraph;

    /** This node's configuration: the store's TLS port, its certificate as trusted, our own to present. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class TlsStore extends EngineConfig {
        @Override
        public String redisUrl() {
            return "rediss://127.0.0.1:" + TLS_PORT;
        }

        @Override
        public Optional<URL> tlsTruststore() {
            return Optional.of(url(SERVER.keystore()));
        }

        @Override
        public Optional<String> tlsTruststorePassword() {
            return Optional.of(SERVER.password());
        }

        @Override
        public Optional<URL> tlsKeystore() {
            return Optional.of(url(CLIENT.keystore()));
        }

        @Override
        public Optional<String> tlsKeystorePassword() {
            return Optional.of(CLIENT.password());
        }

        @Override
        public Optional<String> clusterNodes() {
            return Optional.empty();
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
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
