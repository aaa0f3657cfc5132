package io.datagraph.engine.health;

import io.datagraph.engine.config.EngineConfig;
import io.datagraph.engine.io.StreamMetrics;
import io.datagraph.engine.metrics.Gauge;
import io.datagraph.engine.metrics.MetricFamily;
import io.datagraph.engine.metrics.PrometheusText;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.protocol.StoreKeys;
import io.datagraph.engine.run.ProcessorMetrics;
import io.datagraph.engine.run.RunMetrics;
import io.datagraph.engine.store.StoreClient;
import io.datagraph.flow.ProcessorSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.client.codec.StringCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A scrape of this node's metrics in the Prometheus text format: what its parts counted (runs,
 * processors, streams, store calls) and, read from the store at the scrape (one pipelined round trip),
 * the store-wide gauges, labelled {@code scope="store"} so that dashboards do not add them up across
 * nodes. A store that does not answer leaves those out; the node's own counts are still served.
 * Thread-safe.
 */
@ApplicationScoped
public class EngineMetrics {

    private static final Logger LOG = Logger.getLogger(EngineMetrics.class.getName());
    private static final List<String> SCOPE = List.of("store");

    @Inject
    RunMetrics runs;

    @Inject
    ProcessorMetrics processors;

    @Inject
    StreamMetrics streams;

    @Inject
    StoreClient store;

    @Inject
    NodeDirectory directory;

    @Inject
    EngineConfig config;

    /** The page a scrape answers, in {@link PrometheusText#CONTENT_TYPE}. */
    public String scrape() {
        List<MetricFamily> families = new ArrayList<>();
        families.addAll(runs.families());
        families.addAll(processors.families());
        families.addAll(streams.families());
        families.add(store.commandSeconds());
        families.addAll(storeWide());
        PrometheusText out = new PrometheusText();
        families.forEach(family -> family.writeTo(out));
        return out.toString();
    }

    /** Runs running and dispatches pending across the installation, read in one pipelined round trip. */
    private List<MetricFamily> storeWide() {
        StoreKeys keys = new StoreKeys(config.store().keyPrefix());
        List<String> names;
        List<?> replies;
        try {
            names = directory.signatures().stream().map(ProcessorSignature::name).sorted().toList();
            RBatch batch = store.redisson().createBatch();
            batch.getScoredSortedSet(keys.historyByStatus("RUNNING"), StringCodec.INSTANCE).sizeAsync();
            for (String name : names) {
                batch.getStream(keys.dispatch(name), StringCodec.INSTANCE).sizeAsync();
            }
            BatchResult<?> result = batch.execute();
            replies = result.getResponses();
        } catch (RuntimeException e) {
            LOG.fine(() -> "store-wide metrics left out of this scrape: " + e.getMessage());
            return List.of();
        }
        Map<List<String>, Number> pending = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            pending.put(List.of(names.get(i), "store"), (Number) replies.get(i + 1));
        }
        Number running = (Number) replies.get(0);
        return List.of(
                new Gauge("datagraph_runs_running", "Runs running in the whole installation (scope=store).",
                        List.of("scope"), () -> Map.of(SCOPE, running)),
                new Gauge("datagraph_dispatch_pending",
                        "Dispatches of a processor to other nodes not yet done, installation-wide (scope=store).",
                        List.of("processor", "scope"), () -> pending));
    }
}
