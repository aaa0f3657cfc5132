package io.datagraph.engine.config;

import java.time.Duration;

/**
 * How element-wise processors share their values ({@code datagraph.elementwise.*}).
 *
 * @param unitSize       most values in one work unit, the smallest piece a worker claims; 0 (the default):
 *                       256 ÷ the processor's workers per node, so that one worker claims many values per
 *                       round trip and 2,000 values still spread over 96 workers
 * @param lease          how long a claimed unit may go without its worker's keep-alive before another worker
 *                       reclaims it (the worker died, or stalls); workers renew every third of it
 * @param maxResultBytes most bytes (UTF-8 JSON) one value's results may take (beyond: the value fails, and is
 *                       retried or dead-lettered), so that one commit never carries megabytes
 * @param reorderWindow  ordered processors: most units handed out past the first one whose results are not
 *                       released yet, which bounds the results held back for order
 */
public record ElementWiseSettings(int unitSize, Duration lease, int maxResultBytes, int reorderWindow) {

    static ElementWiseSettings read(ConfigReader in) {
        return new ElementWiseSettings(
                in.atLeast("datagraph.elementwise.unit-size", 0, 0),
                in.duration("datagraph.elementwise.lease", Duration.ofMillis(100), "PT10S"),
                in.atLeast("datagraph.elementwise.max-result-bytes", 1, 1_048_576),
                in.atLeast("datagraph.elementwise.reorder-window", 1, 1024));
    }
}
