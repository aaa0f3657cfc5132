package io.datagraph.engine.io;

import io.datagraph.DatagraphException;
import io.datagraph.engine.config.EngineConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Signs the values written to the store and checks them when read, when
 * {@code datagraph.security.hmac-secret} is set: each stream entry carries an HMAC-SHA256 of its run,
 * its stream and its payload (field {@code s}), so a value written by anyone without the secret, or
 * moved to another stream or run, is refused with an error naming the stream. Thread-safe.
 */
@ApplicationScoped
public class PayloadSigner {

    private static final Logger LOG = Logger.getLogger(PayloadSigner.class.getName());
    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    EngineConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        config.hmacSecret().ifPresentOrElse(
                secret -> key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                () -> LOG.warning("datagraph.security.hmac-secret is not set: values in the store are not signed,"
                        + " so anyone who can write to the store can inject values"));
    }

    public boolean enabled() {
        return key != null;
    }

    /** The signature of a payload of a run's stream; "" when signing is off. */
    public String sign(String runId, String stream, String payload) {
        if (key == null) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((runId + '\n' + stream + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /**
     * Checks an entry read from the store.
     *
     * @throws DatagraphException naming the stream and entry when the signature is missing or wrong
     */
    public void verify(String runId, String stream, String entryId, String payload, String signature) {
        if (key == null) {
            return;
        }
        if (signature == null || signature.isEmpty()) {
            throw new DatagraphException("stream '" + stream + "' of run " + runId + " holds an unsigned entry ("
                    + entryId + "): it was not written by a node that has datagraph.security.hmac-secret; refused");
        }
        byte[] expected = sign(runId, stream, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new DatagraphException("stream '" + stream + "' of run " + runId + " holds an entry (" + entryId
                    + ") whose signature does not match: it was tampered with or written with another secret; refused");
        }
    }
}
