package io.datagraph.architecture;

import io.datagraph.Datagraph;
import io.datagraph.engine.DatagraphEngine;
import io.datagraph.rest.DatagraphApi;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No package of the API, the engine or the REST layer depends, directly or through others, on a
 * package that depends back on it. Reads the compiled classes with the JDK's {@code jdeps}.
 */
class PackageCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.datagraph[\\w.]*)\\s+->\\s+(io\\.datagraph[\\w.]*)\\s");

    /** Where a class was loaded from: a module's jar or its classes directory. */
    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Package → the packages it uses, of the classes at these locations. */
    static Map<String, Set<String>> dependencies(String... locations) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps"));
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-e", "io\\.datagraph\\..*"));
        args.addAll(List.of(locations));
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        assertEquals(0, status, out.toString());
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return graph;
    }

    /** The strongly connected components of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        int[] counter = {0};
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, cycles, counter);
            }
        }
        return cycles;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> cycles, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, cycles, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }

    /**
     * The one cycle the build accepts: the API's facade package ({@code Datagraph}, {@code RunRequest}) uses
     * the flow model, and the flow model's exceptions extend {@code io.datagraph.DatagraphException} (and
     * {@code ResolvedFlow} takes an {@code OutputSelection}). Breaking it means moving public API types that
     * every application imports; it is recorded here so that any other cycle, or this one growing, fails.
     */
    private static final List<Set<String>> ACCEPTED = List.of(Set.of("io.datagraph", "io.datagraph.flow"));

    @Test
    void noPackageCycleInTheApiTheEngineOrTheRestLayer() {
        Map<String, Set<String>> graph = dependencies(location(Datagraph.class), location(DatagraphEngine.class),
                location(DatagraphApi.class));
        assertTrue(graph.keySet().containsAll(Set.of("io.datagraph.engine.run", "io.datagraph.engine.node",
                "io.datagraph.rest.flows")), "jdeps read too little: " + graph.keySet());
        List<Set<String>> cycles = new ArrayList<>(cycles(graph));
        cycles.removeAll(ACCEPTED);
        assertEquals(List.of(), cycles, "package cycles");
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(graph));
    }

    @Test
    void theEngineDoesNotDependOnTheRestLayerNorNodeTransportOnRunSupervision() {
        Map<String, Set<String>> graph = dependencies(location(DatagraphEngine.class));
        graph.forEach((from, to) -> assertTrue(to.stream().noneMatch(p -> p.startsWith("io.datagraph.rest")),
                from + " depends on the REST layer"));
        assertTrue(graph.get("io.datagraph.engine.node").stream().noneMatch(p -> p.equals("io.datagraph.engine.run")),
                "node transport depends on run supervision: " + graph.get("io.datagraph.engine.node"));
        assertTrue(graph.get("io.datagraph.engine.protocol").stream().noneMatch(p -> p.startsWith("io.datagraph.engine.")
                        && !p.equals("io.datagraph.engine.config")),
                "the protocol package must stand on its own: " + graph.get("io.datagraph.engine.protocol"));
    }
}
