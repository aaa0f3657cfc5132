package io.datagraph.engine.protocol;

import java.util.List;

/**
 * The node that schedules a run's current partition, and the processors it runs itself rather than
 * dispatching them through the store. Written with each partition's start ({@link MetaField#DRIVER},
 * {@link MetaField#DRIVEN}) so that, should the node die before those processors start, the watchdog
 * sees that nobody else will run them. Immutable.
 *
 * @param node       the scheduling node's id
 * @param processors the processors of the run it runs itself
 */
public record Driver(String node, List<String> processors) {

    public Driver {
        processors = List.copyOf(processors);
    }

    /** The {@link MetaField#DRIVEN} field's value. */
    public String driven() {
        return String.join(",", processors);
    }

    /** Whether the driver named by these meta field values runs {@code processor} itself. */
    public static boolean drives(String driven, String processor) {
        return driven != null && List.of(driven.split(",")).contains(processor);
    }
}
