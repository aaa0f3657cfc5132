package io.datagraph.engine.protocol;

/**
 * A unit of work of an element-wise processor: an entry of its work stream ({@link RunKeys#work})
 * that refers to values of its input stream — fields {@value #ENTRY} (the input entry's id),
 * {@value #FROM} and {@value #TO} (the values' indexes in it, {@code [from, to)}), {@value #PLACE} (its place
 * in the processor's input, 1, 2, …: the order an ordered processor's results keep), and for a retry
 * {@value #ATTEMPT} (which call this is, 2 for the first retry) and {@value #NOT_BEFORE} (store time in
 * ms before which it is not tried). Units are written where values are (append.lua, create.lua: at most
 * {@code datagraph.elementwise.unit-size} values each) and by commit.lua for retries. A worker claims
 * units through the consumer group {@value #GROUP}; the claim is fenced by owner and delivery count.
 *
 * @param id         the unit's id in the work stream
 * @param deliveries how many times it was delivered (claimed): the fence of the claim
 * @param entryFields the fields of the input entry, to decode with {@link EntryCodec}
 */
public record WorkUnit(String id, long deliveries, String entryId, int from, int to, int attempt, long notBefore,
                       long place, java.util.List<Object> entryFields) {

    public static final String GROUP = "workers";
    public static final String ENTRY = "e";
    public static final String FROM = "a";
    public static final String TO = "b";
    public static final String ATTEMPT = "r";
    public static final String NOT_BEFORE = "t";
    public static final String PLACE = "q";
}
