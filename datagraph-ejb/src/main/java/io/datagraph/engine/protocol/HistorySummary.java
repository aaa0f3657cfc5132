package io.datagraph.engine.protocol;

import java.util.List;

/**
 * What the run history keeps of each run beside its indexes ({@link StoreKeys#historySummaries()}): its
 * status, who started it ({@code ""}: nobody in particular) and its processors, written by admit.lua as
 * {@code status TAB startedBy TAB p1,p2,…}. Immutable.
 */
public record HistorySummary(String status, String startedBy, List<String> processors) {

    /** No summary (none written, or not readable): no status, nobody, no processors. */
    public static final HistorySummary NONE = new HistorySummary("", "", List.of());

    public HistorySummary {
        processors = List.copyOf(processors);
    }

    /** Reads a summary as the scripts write it; anything else reads as {@link #NONE}. */
    public static HistorySummary parse(String text) {
        String[] fields = text == null ? new String[0] : text.split("\t", -1);
        if (fields.length != 3) {
            return NONE;
        }
        return new HistorySummary(fields[0], fields[1], fields[2].isEmpty() ? List.of() : List.of(fields[2].split(",")));
    }

    /** Every history index that may list the run. */
    public List<String> indexes(StoreKeys keys) {
        return keys.historyIndexes(startedBy, processors);
    }
}
