package io.datagraph.graph;

import io.datagraph.IOState;
import io.datagraph.ProcessorPhase;
import io.datagraph.ReaderState;
import io.datagraph.flow.Flow;
import io.datagraph.flow.FlowResolver;
import io.datagraph.flow.ProcessorSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphRenderingTest {

    private static final Map<String, ProcessorSignature> CATALOG = Map.of(
            "first", new ProcessorSignature("first", List.of(), List.of("a"), false),
            "second", new ProcessorSignature("second", List.of("a"), List.of("b"), true),
            "range", new ProcessorSignature("range", List.of("count"), List.of("numbers"), false),
            "square", new ProcessorSignature("square", List.of("numbers"), List.of("squares"), false));

    private static FlowGraph graph(String... processors) {
        return FlowGraph.of(FlowResolver.resolve(Flow.of(processors), name -> Optional.ofNullable(CATALOG.get(name))));
    }

    private static FlowGraph lagging() {
        return lagging(Map.of("range", ProcessorPhase.RUNNING, "square", ProcessorPhase.RUNNING));
    }

    private static FlowGraph lagging(Map<String, ProcessorPhase> phases) {
        return FlowGraph.of(FlowResolver.resolve(Flow.of("range", "square"), name -> Optional.ofNullable(CATALOG.get(name))),
                List.of(new IOState("count", 1, true, 0, List.of(new ReaderState("range", 1, 0))),
                        new IOState("numbers", 50_000, false, 90_000, List.of(new ReaderState("square", 2_000, 3_000))),
                        new IOState("squares", 2_000, false, 3_000, List.of())),
                phases);
    }

    @Test
    void floatingInputsStartAndUnreadOutputsEndAtTheirOwnNodes() {
        FlowGraph graph = graph("range", "square");
        assertEquals(Map.of("in:count", 0, "range", 1, "square", 2, "out:squares", 3), graph.columns());
        assertEquals(List.of(new FlowGraph.Edge("count", "in:count", "range"), new FlowGraph.Edge("numbers", "range", "square"),
                new FlowGraph.Edge("squares", "square", "out:squares")), graph.edges());
    }

    @Test
    void laterPartitionsAreDrawnToTheRight() {
        FlowGraph graph = graph("first", "second");
        assertTrue(graph.columns().get("second") > graph.columns().get("first"));
    }

    @Test
    void mermaidGroupsPartitionsIntoSubgraphsLabelsEdgesWithLiveCountsAndColoursEachPhase() {
        String mermaid = MermaidGraph.render(lagging());
        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("subgraph partition0"), mermaid);
        assertTrue(mermaid.contains("numbers: 50000 (90000/s) backlog 48000"), mermaid);
        assertTrue(mermaid.contains("    n0[\"range\"]\n") && mermaid.contains("    n1[\"square\"]\n"), mermaid);
        assertTrue(mermaid.contains("  class n0 RUNNING\n") && mermaid.contains("  class n1 RUNNING\n"), mermaid);
        String ended = MermaidGraph.render(lagging(Map.of("range", ProcessorPhase.DONE, "square", ProcessorPhase.STOPPED)));
        assertTrue(ended.contains("  class n0 DONE\n") && ended.contains("  class n1 STOPPED\n")
                && ended.contains("classDef STOPPED "), "each processor is drawn in its own phase: " + ended);
        assertEquals(2, graph("first", "second").flow().partitions().size());
        assertTrue(MermaidGraph.render(graph("first", "second")).contains("subgraph partition1"));
    }

    @Test
    void dotPutsEachPartitionInACluster() {
        String dot = DotGraph.render(graph("first", "second"));
        assertTrue(dot.startsWith("digraph flow {"), dot);
        assertTrue(dot.contains("subgraph cluster_0") && dot.contains("subgraph cluster_1"), dot);
        assertTrue(dot.contains("\"first\" -> \"second\" [label=\"a\""), dot);
    }

    @Test
    void svgIsWellFormedWithAShapePerProcessorAndTheLaggingEdgeInRed() throws Exception {
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(SvgGraph.render(lagging()))));
        NodeList groups = svg.getElementsByTagName("g");
        int processors = 0;
        String numbersColour = null;
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").contains("processor")) {
                processors++;
                assertEquals("RUNNING", group.getAttribute("data-phase"));
            }
            if ("numbers".equals(group.getAttribute("data-stream"))) {
                numbersColour = ((Element) group.getElementsByTagName("path").item(0)).getAttribute("stroke");
                assertEquals("48000", group.getAttribute("data-backlog"));
            }
        }
        assertEquals(2, processors);
        assertEquals("#d62728", numbersColour);
    }

    @Test
    void textTreeListsPartitionsAndStreams() {
        assertEquals("""
                partition 0
                  first: ∅ → a
                partition 1 (starts when partition 0 is done)
                  second: a → b
                """, TextGraph.render(graph("first", "second")));
    }
}
