package io.datagraph.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a {@link Flow} against processor signatures and works out how it runs. Pure logic: no
 * store, no threads; the same rules as the seed project.
 *
 * <ul>
 *   <li>every processor must be known ({@link UnknownProcessorException});</li>
 *   <li>every stream has at most one producer ({@link DuplicateOutputException});</li>
 *   <li>processors must not feed one another in a cycle ({@link CyclicFlowException});</li>
 *   <li>a processor's partition is the highest partition of its producers, plus one if it
 *       {@linkplain ProcessorSignature#awaitInputs() awaits its inputs}.</li>
 * </ul>
 */
public final class FlowResolver {

    private FlowResolver() {
    }

    /**
     * @param catalog the signature of a processor by name, empty when unknown
     */
    public static ResolvedFlow resolve(Flow flow, Function<String, Optional<ProcessorSignature>> catalog) {
        Map<String, ProcessorSignature> byName = new LinkedHashMap<>();
        for (String name : flow.processors()) {
            byName.put(name, catalog.apply(name).orElseThrow(() -> new UnknownProcessorException(name)));
        }
        Map<String, String> producers = producers(byName.values());
        Map<String, Set<String>> upstream = upstream(byName.values(), producers);
        List<String> order = topologicalOrder(byName.keySet(), upstream);
        Map<String, Integer> partitions = partitions(order, byName, upstream);
        return new ResolvedFlow(flow, order.stream().map(byName::get).toList(), producers, partitions);
    }

    private static Map<String, String> producers(Iterable<ProcessorSignature> processors) {
        Map<String, String> producers = new LinkedHashMap<>();
        for (ProcessorSignature processor : processors) {
            for (String output : processor.outputs()) {
                String previous = producers.putIfAbsent(output, processor.name());
                if (previous != null) {
                    throw new DuplicateOutputException(output, previous, processor.name());
                }
            }
        }
        return producers;
    }

    /** For each processor, the processors of the flow whose outputs it reads. */
    private static Map<String, Set<String>> upstream(Iterable<ProcessorSignature> processors,
                                                     Map<String, String> producers) {
        Map<String, Set<String>> upstream = new LinkedHashMap<>();
        for (ProcessorSignature processor : processors) {
            Set<String> sources = new LinkedHashSet<>();
            for (String input : processor.inputs()) {
                String producer = producers.get(input);
                if (producer != null) {
                    sources.add(producer);
                }
            }
            upstream.put(processor.name(), sources);
        }
        return upstream;
    }

    /** Kahn's algorithm, stable in the flow's own order; leftovers mean a cycle. */
    private static List<String> topologicalOrder(Set<String> names, Map<String, Set<String>> upstream) {
        List<String> order = new ArrayList<>(names.size());
        Set<String> placed = new LinkedHashSet<>();
        boolean progressed = true;
        while (order.size() < names.size() && progressed) {
            progressed = false;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(upstream.get(name))) {
                    order.add(name);
                    placed.add(name);
                    progressed = true;
                }
            }
        }
        if (order.size() < names.size()) {
            throw new CyclicFlowException(findCycle(names, placed, upstream));
        }
        return order;
    }

    /** Walks upstream from an unplaced processor until a processor repeats: that loop is a cycle. */
    private static List<String> findCycle(Set<String> names, Set<String> placed, Map<String, Set<String>> upstream) {
        String start = names.stream().filter(n -> !placed.contains(n)).findFirst().orElseThrow();
        Deque<String> path = new ArrayDeque<>();
        Map<String, Integer> index = new HashMap<>();
        String current = start;
        while (!index.containsKey(current)) {
            index.put(current, path.size());
            path.addLast(current);
            current = upstream.get(current).stream().filter(n -> !placed.contains(n)).findFirst().orElseThrow();
        }
        List<String> walked = new ArrayList<>(path).subList(index.get(current), path.size());
        // the walk goes against the data; report the cycle in the direction data flows
        List<String> cycle = new ArrayList<>(walked);
        Collections.reverse(cycle);
        cycle.add(cycle.get(0));
        return cycle;
    }

    private static Map<String, Integer> partitions(List<String> order, Map<String, ProcessorSignature> byName,
                                                   Map<String, Set<String>> upstream) {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String name : order) {
            int step = byName.get(name).awaitInputs() ? 1 : 0;
            int partition = 0;
            for (String source : upstream.get(name)) {
                partition = Math.max(partition, partitions.get(source) + step);
            }
            partitions.put(name, partition);
        }
        // number partitions consecutively from 0
        List<Integer> used = partitions.values().stream().distinct().sorted().toList();
        partitions.replaceAll((name, partition) -> used.indexOf(partition));
        return partitions;
    }
}
