package io.datagraph.engine;

import io.datagraph.Datagraph;
import io.datagraph.Run;
import io.datagraph.UnknownRunException;
import io.datagraph.RunPage;
import io.datagraph.RunQuery;
import io.datagraph.RunRequest;
import io.datagraph.engine.node.NodeDirectory;
import io.datagraph.engine.run.RunHistory;
import io.datagraph.engine.run.RunRepository;
import io.datagraph.engine.run.StoreRun;
import io.datagraph.engine.run.Supervisor;
import io.datagraph.flow.Flow;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.flow.ResolvedFlow;
import io.datagraph.flow.UnknownFlowException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@link Datagraph} facade over the engine; the bean users inject. */
@ApplicationScoped
public class DatagraphEngine implements Datagraph {

    @Inject
    Supervisor supervisor;

    @Inject
    RunRepository runs;

    @Inject
    RunHistory history;

    @Inject
    NodeDirectory directory;

    @Inject
    @Any
    Instance<Flow> declaredFlows;

    @Override
    public Submission submit(RunRequest request) {
        return supervisor.submit(request);
    }

    @Override
    public StoreRun start(RunRequest request) {
        return (StoreRun) submit(request).run();
    }

    @Override
    public Flow flow(String name) {
        List<Flow> matches = declaredFlows.stream().filter(f -> f.name().filter(name::equals).isPresent()).toList();
        if (matches.isEmpty()) {
            throw new UnknownFlowException(name);
        }
        if (matches.size() > 1) {
            throw new IllegalStateException("two flows are declared as '" + name + "': " + matches);
        }
        return matches.get(0);
    }

    @Override
    public ResolvedFlow resolve(Flow flow) {
        return supervisor.resolve(flow);
    }

    @Override
    public StoreRun run(String id) {
        return supervisor.handle(id, runs.plan(id));
    }

    @Override
    public List<Run> recent(int limit) {
        List<Run> recent = new ArrayList<>();
        for (String id : runs.recent(limit)) {
            try {
                recent.add(run(id));
            } catch (UnknownRunException expired) {
                // listed, but its TTL has passed, or its start was refused after admission
            }
        }
        return recent;
    }

    @Override
    public RunPage history(RunQuery query) {
        return history.page(query);
    }

    @Override
    public Collection<ProcessorSignature> processors() {
        return directory.signatures();
    }

}
