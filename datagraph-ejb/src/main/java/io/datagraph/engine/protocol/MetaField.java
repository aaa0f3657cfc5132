package io.datagraph.engine.protocol;

/**
 * The fields of a run's meta hash ({@link RunKeys#meta()}): the one place that names them. The Lua
 * scripts beside this class write them under the same names; {@code MetaFieldTest} checks that every
 * field a script touches is listed here.
 *
 * <h2>Run-wide</h2>
 * <table>
 *   <caption>one field each per run</caption>
 *   <tr><td>{@value #STATUS}</td><td>RUNNING, COMPLETED, FAILED or CANCELLED</td></tr>
 *   <tr><td>{@value #PLAN}</td><td>the run's plan, JSON (see {@code RunPlan})</td></tr>
 *   <tr><td>{@value #TTL}</td><td>seconds the run's keys live once it ended</td></tr>
 *   <tr><td>{@value #STARTED}, {@value #FINISHED}</td><td>store time in ms of its start and end</td></tr>
 *   <tr><td>{@value #STARTED_BY}</td><td>the authenticated user who started it (absent: nobody in particular)</td></tr>
 *   <tr><td>{@value #REQUEST}</td><td>when started with an idempotency key (its id then derives from caller and key),
 *       the fingerprint of its request ({@code RequestFingerprint}): a repeat must match it</td></tr>
 *   <tr><td>{@value #FAILED_PROCESSOR}, {@value #ERROR}</td><td>set when it failed: who, and the message</td></tr>
 *   <tr><td>{@value #PARTITION}, {@value #PARTITIONS}</td><td>the partition running now, and how many there are</td></tr>
 *   <tr><td>{@code remaining:<p>}</td><td>processors of partition p not yet finished</td></tr>
 *   <tr><td>{@value #DEAD}</td><td>how many dead letters the run holds</td></tr>
 *   <tr><td>{@value #EPOCH}</td><td>raised by each restart (absent: 0): failures of an earlier epoch are ignored</td></tr>
 *   <tr><td>{@value #DRIVER}, {@value #DRIVEN}</td><td>the node that schedules the current partition, and the
 *       processors it runs itself (comma-separated; the others it dispatches): should it die before they
 *       start, nobody else would run them (the watchdog fails the run)</td></tr>
 * </table>
 *
 * <h2>Per stream {@code <io>}</h2>
 * <table>
 *   <caption>one field each per stream</caption>
 *   <tr><td>{@code count:<io>}</td><td>values written</td></tr>
 *   <tr><td>{@code closed:<io>}</td><td>present once the end marker was written</td></tr>
 *   <tr><td>{@code seq:<io>}</td><td>the last batch sequence appended (de-duplicates retried appends)</td></tr>
 *   <tr><td>{@code readers:<io>}</td><td>comma-separated processors reading it</td></tr>
 *   <tr><td>{@code trim:<io>}</td><td>present when consumed entries are dropped</td></tr>
 *   <tr><td>{@code trimmed:<io>}</td><td>the entry id before which the stream was trimmed</td></tr>
 *   <tr><td>{@code w:<io>:c|t|r}</td><td>write-rate sample: count, time (ms), rate (values/s)</td></tr>
 * </table>
 *
 * <h2>Per reader {@code <p>} of a stream {@code <io>}</h2>
 * <table>
 *   <caption>one field each per reading processor</caption>
 *   <tr><td>{@code read:<io>:<p>}</td><td>values p has taken</td></tr>
 *   <tr><td>{@code pos:<io>:<p>}</td><td>entry id up to which p consumed the stream (trimming)</td></tr>
 *   <tr><td>{@code r:<io>:<p>:c|t|r}</td><td>read-rate sample, as for writes</td></tr>
 * </table>
 *
 * <h2>Per processor {@code <p>}</h2>
 * <table>
 *   <caption>one field each per processor</caption>
 *   <tr><td>{@code phase:<p>}</td><td>RUNNING, DONE, FAILED or STOPPED (absent: WAITING)</td></tr>
 *   <tr><td>{@code attempt:<p>}</td><td>its latest attempt: only that attempt's writes are taken (fencing)</td></tr>
 *   <tr><td>{@code node:<p>}</td><td>the node running that attempt</td></tr>
 *   <tr><td>{@code via:<p>}</td><td>{@code local} or {@code store}: how it reached that node (store: another can take over)</td></tr>
 *   <tr><td>{@code units:<p>}, {@code done:<p>}</td><td>element-wise: work units written, and committed</td></tr>
 *   <tr><td>{@code unit:<p>}</td><td>element-wise: most values in one of its work units</td></tr>
 *   <tr><td>{@code order:<p>}</td><td>element-wise: the last place given to a unit</td></tr>
 *   <tr><td>{@code ref:<p>:<entry>}, {@code split:<p>}</td><td>element-wise: outstanding units referring to an
 *       input entry (trimming keeps it), and the last entry split into units</td></tr>
 *   <tr><td>{@code released:<p>}, {@code delivered:<p>}</td><td>ordered: the next place whose results go out,
 *       and the last place handed to a worker</td></tr>
 *   <tr><td>{@code dead:<p>}</td><td>element-wise: its dead letters</td></tr>
 *   <tr><td>{@code drained:<p>}</td><td>element-wise: present once it was found done (it finishes once)</td></tr>
 * </table>
 */
public final class MetaField {

    public static final String STATUS = "status";
    public static final String PLAN = "plan";
    public static final String TTL = "ttl";
    public static final String STARTED = "started";
    public static final String FINISHED = "finished";
    public static final String STARTED_BY = "startedBy";
    public static final String REQUEST = "request";
    public static final String FAILED_PROCESSOR = "failedProcessor";
    public static final String ERROR = "error";
    public static final String PARTITION = "partition";
    public static final String PARTITIONS = "partitions";
    public static final String DEAD = "dead";
    public static final String EPOCH = "epoch";
    public static final String DRIVER = "driver";
    public static final String DRIVEN = "driven";

    /** Prefixes of the per-partition, per-stream, per-reader and per-processor fields, as the scripts spell them. */
    static final java.util.List<String> PREFIXES = java.util.List.of("remaining:", "count:", "closed:", "seq:",
            "readers:", "trim:", "trimmed:", "w:", "read:", "pos:", "r:", "phase:", "attempt:", "node:", "via:", "units:",
            "done:", "dead:", "drained:", "unit:", "order:", "released:", "delivered:", "ref:", "split:");

    /** Fields without a prefix, as the scripts spell them. */
    static final java.util.List<String> PLAIN = java.util.List.of(STATUS, PLAN, TTL, STARTED, FINISHED, STARTED_BY,
            REQUEST, FAILED_PROCESSOR, ERROR, PARTITION, PARTITIONS, DEAD, EPOCH, DRIVER, DRIVEN);

    private MetaField() {
    }

    public static String remaining(int partition) {
        return "remaining:" + partition;
    }

    public static String count(String io) {
        return "count:" + io;
    }

    public static String closed(String io) {
        return "closed:" + io;
    }

    public static String sequence(String io) {
        return "seq:" + io;
    }

    public static String readers(String io) {
        return "readers:" + io;
    }

    public static String trim(String io) {
        return "trim:" + io;
    }

    public static String trimmed(String io) {
        return "trimmed:" + io;
    }

    public static String read(String io, String reader) {
        return "read:" + io + ":" + reader;
    }

    public static String position(String io, String reader) {
        return "pos:" + io + ":" + reader;
    }

    /** Prefix of a stream's write-rate sample; the sample's fields end in {@code c}, {@code t} and {@code r}. */
    public static String writeRate(String io) {
        return "w:" + io + ":";
    }

    /** Prefix of a reader's read-rate sample (fields as {@link #writeRate}). */
    public static String readRate(String io, String reader) {
        return "r:" + io + ":" + reader + ":";
    }

    public static String phase(String processor) {
        return "phase:" + processor;
    }

    public static String attempt(String processor) {
        return "attempt:" + processor;
    }

    public static String node(String processor) {
        return "node:" + processor;
    }

    public static String via(String processor) {
        return "via:" + processor;
    }

    public static String units(String processor) {
        return "units:" + processor;
    }

    public static String done(String processor) {
        return "done:" + processor;
    }

    public static String dead(String processor) {
        return "dead:" + processor;
    }
}
