package io.datagraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool: a PKCS12 keystore for Java
 * clients, and PEM files of the certificate and key for a TLS Redis server.
 */
public record TestCertificate(Path keystore, String password, Path certificatePem, Path keyPem) {

    /** A self-signed certificate for 127.0.0.1 and localhost. */
    public static TestCertificate create(Path dir, String alias) {
        return create(dir, alias, "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost");
    }

    /** A self-signed certificate naming whatever {@code dname} and {@code san} say (keytool's syntax). */
    public static TestCertificate create(Path dir, String alias, String dname, String san) {
        String password = "changeit";
        Path keystore = dir.resolve(alias + ".p12");
        Path certificate = dir.resolve(alias + "-cert.pem");
        Path key = dir.resolve(alias + "-key.pem");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", dname, "-ext", san,
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(), "-storepass", password,
                "-file", certificate.toString());
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Key privateKey = store.getKey(alias, password.toCharArray());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(privateKey.getEncoded());
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the test key", e);
        }
        return new TestCertificate(keystore, password, certificate, key);
    }

    private static void keytool(String... args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
