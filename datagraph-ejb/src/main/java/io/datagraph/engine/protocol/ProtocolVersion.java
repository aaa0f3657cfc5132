package io.datagraph.engine.protocol;

/**
 * The version of the store layout this package describes: keys, meta fields, entries, scripts and
 * messages. Nodes sharing an installation must speak the same one, so the first node writes it to
 * {@link StoreKeys#protocol()} and every node checks it when it joins. Raise it with any change a
 * node of the previous version would misread.
 */
public final class ProtocolVersion {

    /**
     * 3: write signals name the streams written ({@link SignalMessage}); a node of 2 would not recognise
     * them, and its readers would wake only by polling. (2: the running and recent run sets moved under
     * one hash tag, {@link StoreKeys#running()}.)
     */
    public static final int CURRENT = 3;

    private ProtocolVersion() {
    }
}
