package io.datagraph.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The WAR a user gets from the archetype: generated and built by the archetype module's integration test
 * ({@code datagraph-processor-archetype}) against this build's artifacts, and deployed here unchanged but
 * for configuration a test adds to its own {@code microprofile-config.properties}.
 */
final class ProcessorWar {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private ProcessorWar() {
    }

    static File file() {
        File war = new File(System.getProperty("datagraph.it.processor-war", "missing"));
        if (!war.isFile()) {
            throw new IllegalStateException("no processor WAR at " + war + ": the archetype module's integration test"
                    + " builds it (mvn verify from the top, not -pl datagraph-ear alone)");
        }
        return war;
    }

    /** The generated WAR, as built. */
    static WebArchive asBuilt() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, file());
    }

    /** The generated WAR with {@code lines} added to the deployment's own configuration. */
    static WebArchive configured(String... lines) {
        WebArchive war = asBuilt();
        String config;
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(CONFIG);
        return war.add(new StringAsset(config + "\n" + String.join("\n", lines) + "\n"), CONFIG);
    }

    /** Writes {@code war} to {@code target}. */
    static Path export(WebArchive war, Path target) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            war.as(ZipExporter.class).exportTo(bytes);
            return Files.write(target, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
