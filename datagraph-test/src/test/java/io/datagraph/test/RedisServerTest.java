package io.datagraph.test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void closingTheServerDeletesTheDirectoryItWroteTo() throws IOException {
        RedisServer server = RedisServer.start();
        Path dir = directoryOf(server);
        server.command("SET", "k", "v");
        assertTrue(Files.isDirectory(dir), "the server's directory exists while it runs: " + dir);

        server.close();

        assertFalse(Files.exists(dir), "closing left " + dir + " behind");
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        RedisServer server = RedisServer.start();
        Path dir = directoryOf(server);
        server.close();
        server.close();
        assertFalse(Files.exists(dir));
    }

    /** The directory the running server writes to, as it reports it (CONFIG GET dir). */
    private static Path directoryOf(RedisServer server) throws IOException {
        // the reply is *2 $3 dir $<n> <path>: the path is its last line
        String[] lines = server.command("CONFIG", "GET", "dir").trim().split("\r\n");
        return Path.of(lines[lines.length - 1]);
    }
}
