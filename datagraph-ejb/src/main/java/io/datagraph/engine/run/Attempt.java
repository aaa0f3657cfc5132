package io.datagraph.engine.run;

import java.util.Map;

/**
 * One attempt at running a processor of a run. A later attempt (after its node died) fences off
 * this one's writes, and resumes each output where the earlier attempts left it: it drops the first
 * {@code written} values it emits there (re-running a deterministic processor emits them again) and
 * numbers its batches after {@code sequence}.
 *
 * @param writer  {@code <processor>#<number>}, the token its writes carry
 * @param outputs per output, the values already written and the last batch sequence number
 */
public record Attempt(int number, String writer, Map<String, Resume> outputs) {

    /** Where an output stands when the attempt starts. */
    public record Resume(long written, long sequence) {
    }
}
