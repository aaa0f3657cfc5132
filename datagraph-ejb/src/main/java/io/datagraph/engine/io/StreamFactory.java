package io.datagraph.engine.io;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.exec.ManagedThreads;
import io.datagraph.engine.protocol.EntryCodec;
import io.datagraph.engine.protocol.RunKeys;
import io.datagraph.engine.store.Signals;
import io.datagraph.engine.store.StoreClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Creates the readers ({@link StoreIO}, one {@link StreamCursor} per iteration) and writers
 * ({@link StoreEmitter}) of run streams, and holds what they share: the store client, the signals, the
 * entry codec, the settings and the help a blocked reader may give a queued producer. Thread-safe.
 */
@ApplicationScoped
public class StreamFactory {

    @Inject
    StoreClient store;

    @Inject
    Signals signals;

    @Inject
    EngineConfig config;

    @Inject
    JsonMapper json;

    @Inject
    ProducerHelp help;

    @Inject
    EntryCodec entries;

    @Inject
    StreamMetrics metrics;

    @Inject
    ManagedThreads threads;

    private RunKeys keys(String runId) {
        return new RunKeys(config.store().keyPrefix(), runId);
    }

    /**
     * A reader of one stream of a run.
     *
     * @param producer the processor of the run writing the stream; empty for a floating input
     * @param reader   the processor reading it, whose progress the store records; empty for others
     */
    public <T> StoreIO<T> io(String runId, String name, Optional<String> producer, String reader, Type elementType) {
        return new StoreIO<>(this, keys(runId), name, producer, reader, ValueCodec.forType(elementType, json.jsonb()));
    }

    /**
     * A writer of one stream of a run for one attempt of its processor.
     *
     * @param writer   the attempt's token, {@code <processor>#<attempt>}
     * @param written  values earlier attempts already wrote: this writer drops its first so many
     * @param sequence the last batch sequence number earlier attempts used
     * @param elementWiseReaders the element-wise processors reading the stream, whose work units its entries feed
     */
    public <T> StoreEmitter<T> emitter(String runId, String name, Type elementType, String writer, long written,
                                       long sequence, List<String> elementWiseReaders) {
        return new StoreEmitter<>(store, keys(runId), name, ValueCodec.forType(elementType, json.jsonb()), entries,
                config, threads, writer, written, sequence, elementWiseReaders,
                metrics.emitted(writer.substring(0, Math.max(0, writer.lastIndexOf('#'))), name));
    }

    /** A cursor that also counts the values it returns in {@code taken}. */
    StreamCursor cursor(RunKeys keys, String name, Optional<String> producer, String reader,
                        LongAdder taken) {
        return new StreamCursor(this, keys, name, producer, reader, reader.isEmpty() ? null : metrics.read(reader, name),
                taken);
    }

    StoreClient store() {
        return store;
    }

    Signals signals() {
        return signals;
    }

    EngineConfig config() {
        return config;
    }

    ProducerHelp help() {
        return help;
    }

    EntryCodec entries() {
        return entries;
    }
}
