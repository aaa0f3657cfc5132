package io.datagraph.engine.protocol;

import java.util.Map;

/**
 * One attempt at running a processor of a run. A later attempt (after its node died) fences off
 * this one's writes, and resumes each output where the earlier attempts left it: it drops the first
 * {@code written} values it emits there (re-running a deterministic processor emits them again) and
 * numbers its batches after {@code sequence}.
 *
 * @param writer  the fencing token its writes carry, {@code <processor>#<number>} (see {@code fence_lib.lua})
 * @param epoch   the run's epoch when it started (raised by each restart): its failure counts only in it
 * @param outputs per output, the values already written and the last batch sequence number
 * @param firstFetches per input, the first fetch of its stream from the start, made by the call that
 *                     started the attempt (so the processor's reader needs no round trip for it)
 */
public record Attempt(int number, String writer, long epoch, Map<String, Resume> outputs,
                      Map<String, Scripts.Read> firstFetches) {

    /** The token of writes made outside any processor (inputs through the API): never fenced. */
    public static final String NO_WRITER = "";

    public static String writer(String processor, int number) {
        return processor + "#" + number;
    }

    /** Where an output stands when the attempt starts. */
    public record Resume(long written, long sequence) {
    }
}
