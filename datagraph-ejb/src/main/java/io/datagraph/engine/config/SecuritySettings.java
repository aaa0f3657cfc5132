package io.datagraph.engine.config;

import java.util.Optional;

/**
 * Protection of the values in the store ({@code datagraph.security.*}).
 *
 * @param hmacSecret the secret with which every entry written is signed (HMAC-SHA256) and checked when
 *                   read; empty: values are not signed
 */
public record SecuritySettings(Optional<String> hmacSecret) {

    static SecuritySettings read(ConfigReader in) {
        Optional<String> secret = in.secret("datagraph.security.hmac-secret");
        if (secret.isPresent() && secret.get().length() < 16) {
            in.secretProblem("datagraph.security.hmac-secret", "it must be at least 16 characters long");
        }
        return new SecuritySettings(secret);
    }

    @Override
    public String toString() {
        return "SecuritySettings[hmacSecret=" + (hmacSecret.isPresent() ? "(set)" : "(none)") + "]";
    }
}
