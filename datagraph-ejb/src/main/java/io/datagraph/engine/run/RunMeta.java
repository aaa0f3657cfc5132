package io.datagraph.engine.run;

import io.datagraph.IOState;
import io.datagraph.ProcessorPhase;
import io.datagraph.RunStatus;
import io.datagraph.ReaderState;
import io.datagraph.engine.protocol.MetaField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's live figures out of its meta hash ({@link MetaField}): per stream its count,
 * completion and write rate; per reader its progress and read rate; per processor its phase. Rates
 * are decayed by how long ago they were sampled, so a stream that stopped moving shows a rate
 * falling to zero.
 */
final class RunMeta {

    private final RunPlan plan;
    private final Map<String, String> meta;
    private final long now;

    RunMeta(RunPlan plan, Map<String, String> meta, long nowMillis) {
        this.plan = plan;
        this.meta = meta;
        this.now = nowMillis;
    }

    List<IOState> streams() {
        Map<String, ProcessorPhase> phases = phases();
        List<IOState> states = new ArrayList<>();
        for (String stream : plan.streams()) {
            long count = number(MetaField.count(stream));
            List<ReaderState> readers = new ArrayList<>();
            for (RunPlan.Step step : plan.steps()) {
                if (step.inputs().contains(stream)) {
                    // a reader that ended needs nothing more: it owes no backlog (it may have read only first())
                    long read = phases.get(step.processor()) == ProcessorPhase.DONE
                            ? count : number(MetaField.read(stream, step.processor()));
                    readers.add(new ReaderState(step.processor(), read, rate(MetaField.readRate(stream, step.processor()))));
                }
            }
            states.add(new IOState(stream, count, meta.containsKey(MetaField.closed(stream)), rate(MetaField.writeRate(stream)),
                    readers));
        }
        return states;
    }

    /** Each processor's phase; in a cancelled run, one that had not finished (or not started) is STOPPED. */
    Map<String, ProcessorPhase> phases() {
        boolean cancelled = RunStatus.CANCELLED.name().equals(meta.get(MetaField.STATUS));
        Map<String, ProcessorPhase> phases = new LinkedHashMap<>();
        for (RunPlan.Step step : plan.steps()) {
            String stored = meta.get(MetaField.phase(step.processor()));
            ProcessorPhase phase = stored == null ? ProcessorPhase.WAITING : ProcessorPhase.valueOf(stored);
            boolean cutShort = phase == ProcessorPhase.WAITING || phase == ProcessorPhase.RUNNING;
            phases.put(step.processor(), cancelled && cutShort ? ProcessorPhase.STOPPED : phase);
        }
        return phases;
    }

    private long number(String field) {
        String value = meta.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private double rate(String prefix) {
        String rate = meta.get(prefix + "r");
        String sampled = meta.get(prefix + "t");
        if (rate == null || sampled == null) {
            return 0;
        }
        long idle = Math.max(0, now - Long.parseLong(sampled) - 200);
        return Double.parseDouble(rate) * Math.exp(-idle / 1000.0);
    }
}
