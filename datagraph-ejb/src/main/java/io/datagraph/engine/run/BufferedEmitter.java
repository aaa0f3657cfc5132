package io.datagraph.engine.run;

import io.datagraph.Emitter;
import io.datagraph.LimitExceededException;
import io.datagraph.engine.io.OutputEncoder;
import io.datagraph.engine.io.ValueCodec;
import io.datagraph.engine.protocol.EntryCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Emitter} an element-wise processor gets for one value: it keeps the value's results, as
 * JSON, until they are committed together with the value's acknowledgement (so they become visible
 * then, exactly once). {@link #complete()} is refused: the output completes when the processor is done.
 * Not thread-safe: one per call.
 */
final class BufferedEmitter<T> implements Emitter<T> {

    private final String name;
    private final OutputEncoder<T> encoder;
    private final ResultBudget budget;
    private final List<String> results = new ArrayList<>();

    BufferedEmitter(String name, ValueCodec<?> codec, EntryCodec.SizeLimit sizeLimit, ResultBudget budget) {
        this.name = name;
        this.encoder = new OutputEncoder<>(name, codec, sizeLimit);
        this.budget = budget;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void emit(T value) {
        String json = encoder.encode(value);
        budget.spend(EntryCodec.SizeLimit.utf8Length(json));
        results.add(json);
    }

    @Override
    public void complete() {
        throw new IllegalStateException("output '" + name + "' of an element-wise processor completes when the"
                + " processor is done with its input; complete() is refused");
    }

    List<String> results() {
        return results;
    }

    /** How many JSON characters one value's results may take, across its outputs. Not thread-safe. */
    static final class ResultBudget {
        private final int max;
        private long spent;

        ResultBudget(int max) {
            this.max = max;
        }

        void spend(long bytes) {
            spent += bytes;
            if (spent > max) {
                throw new LimitExceededException(LimitExceededException.Limit.RESULT_BYTES,
                        "the results of one value, " + spent + " bytes so far,", max);
            }
        }
    }
}
