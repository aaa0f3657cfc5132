package io.datagraph.engine.protocol;

import io.datagraph.DatagraphException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signs entry payloads and checks them, when {@code datagraph.security.hmac-secret} is set: an
 * HMAC-SHA256 of the run, the stream and the payload, so that a value written by anyone without the
 * secret, or moved to another stream or run, is refused with an error naming the stream. Used only by
 * {@link EntryCodec}. Thread-safe.
 */
final class PayloadSigner {

    private static final Logger LOG = Logger.getLogger(PayloadSigner.class.getName());
    private static final String ALGORITHM = "HmacSHA256";

    /** Null when signing is off. */
    private final SecretKeySpec key;

    private PayloadSigner(SecretKeySpec key) {
        this.key = key;
    }

    static PayloadSigner of(Optional<String> secret) {
        if (secret.isEmpty()) {
            LOG.warning("datagraph.security.hmac-secret is not set: values in the store are not signed,"
                    + " so anyone who can write to the store can inject values");
            return new PayloadSigner(null);
        }
        return new PayloadSigner(new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), ALGORITHM));
    }

    boolean enabled() {
        return key != null;
    }

    /** The signature of a payload of a run's stream; "" when signing is off. */
    String sign(String runId, String stream, String payload) {
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

    /** @throws DatagraphException naming the stream and entry when the signature is missing or wrong */
    void verify(String runId, String stream, String entryId, String payload, String signature) {
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
