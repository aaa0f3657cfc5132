package io.datagraph.engine.protocol;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Script calls are assembled in the order the scripts name their arguments, and their replies read
 * back as typed values: checked without a store.
 */
class ScriptsTest {

    private static final RunKeys RUN = new RunKeys("dg", "r1");
    private static final EntryCodec.Batch BATCH = new EntryCodec.Batch(2, "1\n2", "sig");

    /** The names a script gives its leading ARGV, from its {@code local a, b = ARGV[1], ARGV[2]} line. */
    private static List<String> argumentNames(Script script) {
        Matcher m = Pattern.compile("local ([\\w, ]+) =\\s*\\n?\\s*ARGV\\[1]").matcher(script.source());
        assertTrue(m.find(), script + " names no arguments");
        return Arrays.stream(m.group(1).split(",")).map(String::trim).toList();
    }

    @Test
    void appendPassesItsArgumentsInTheOrderTheScriptNamesThem() {
        ScriptCall<Scripts.Write> call = Scripts.append(RUN, "bar", 7, BATCH, "multiply#2");
        assertEquals(List.of("stream", "sequence", "count", "payload", "signature", "writer", "channel", "runId"),
                argumentNames(Script.APPEND));
        assertEquals(List.of("bar", 7L, 2, "1\n2", "sig", "multiply#2", "dg:signals", "r1"), call.args());
        assertEquals(List.of("dg:{r1}:meta", "dg:{r1}:io:bar"), call.keys());
        assertEquals("dg:{r1}:meta", call.routingKey());
    }

    @Test
    void closeReadAttemptBacklogCancelFailAndAdmitNameTheirArguments() {
        assertEquals(List.of("stream", "writer", "channel", "runId"), argumentNames(Script.CLOSE));
        assertEquals(List.of("bar", "", "dg:signals", "r1"), Scripts.close(RUN, "bar", Attempt.NO_WRITER).args());
        assertEquals(List.of("start", "limit", "reader", "taken", "stream", "consumed"), argumentNames(Script.READ));
        assertEquals(List.of("(1-0", 32, "sum", 5L, "squares", "0-9"),
                Scripts.read(RUN, "squares", "(1-0", 32, "sum", 5, "0-9").args());
        assertEquals(List.of("processor", "node", "via", "outputs"), argumentNames(Script.ATTEMPT));
        ScriptCall<Attempt> attempt = Scripts.attempt(RUN, "foo", "n1", "local", List.of("b", "c"), List.of("a"), 2);
        assertEquals(List.of("foo", "n1", "local", 2, "b", "c", 2, "a"), attempt.args());
        assertEquals(List.of("dg:{r1}:meta", "dg:{r1}:io:a"), attempt.keys());
        assertEquals(List.of("stream"), argumentNames(Script.BACKLOG));
        assertEquals(List.of("channel", "runId"), argumentNames(Script.CANCEL));
        assertEquals(List.of("channel", "runId", "processor", "message", "epoch"), argumentNames(Script.FAIL));
        assertEquals(List.of("dg:signals", "r1", "foo", "boom", ""),
                Scripts.fail(RUN, new Scripts.RunShape(List.of("a"), List.of()), "foo", "boom").args());
        assertEquals("2", Scripts.fail(RUN, new Scripts.RunShape(List.of("a"), List.of()), "foo", "boom", 2L).args().get(4));
        assertEquals(List.of("channel", "runId", "partition", "driver", "driven"), argumentNames(Script.RESTART));
        assertEquals(List.of("runId", "limit", "startedBy", "processors"), argumentNames(Script.ADMIT));
        ScriptCall<Scripts.Admission> admit = Scripts.admit(new StoreKeys("dg"), "r1", 3, "ada", List.of("foo", "bar"));
        assertEquals(List.of("dg:{runs}:running", "dg:{runs}:history", "dg:{runs}:history:runs",
                "dg:{runs}:history:status:RUNNING", "dg:{runs}:history:status:COMPLETED", "dg:{runs}:history:status:FAILED",
                "dg:{runs}:history:status:CANCELLED", "dg:{runs}:history:by:ada", "dg:{runs}:history:processor:foo",
                "dg:{runs}:history:processor:bar"), admit.keys());
        assertEquals(List.of("r1", 3, "ada", "foo,bar"), admit.args());
        assertEquals(List.of("runId", "statusKey"), argumentNames(Script.HISTORY_END));
        assertEquals(List.of("r1", 6), Scripts.historyEnd(new StoreKeys("dg"), "r1", "FAILED").args());
        assertEquals(List.of("r1", 0), Scripts.historyEnd(new StoreKeys("dg"), "r1", null).args());
        assertEquals(List.of("group"), argumentNames(Script.ENSURE_GROUP));
        assertEquals(List.of("dg:{dispatch}:square"), Scripts.ensureGroup(new StoreKeys("dg"), "square").keys());
    }

    @Test
    void finishListsTheOutputsThenEveryStreamOfTheRunThenItsOtherKeys() {
        assertEquals(List.of("channel", "runId", "partition", "writer", "driver", "driven", "k"),
                argumentNames(Script.FINISH));
        ScriptCall<Scripts.Finish> call = Scripts.finish(RUN, 1, "foo#1", new Driver("n1", List.of("foo", "bar")),
                List.of("b"), new Scripts.RunShape(List.of("a", "b"), List.of("enrich")),
                List.of(new Scripts.LastEntry("b", 3, new EntryCodec.Batch(2, "1\n2", ""), List.of("enrich"))));
        // the last entry of b: sequence 3, two values, split for enrich, whose work stream is KEYS[4]
        assertEquals(List.of("dg:signals", "r1", 1, "foo#1", "n1", "foo,bar", 1, "b", 2, "a", "b",
                1, "b", 3L, 2, "1\n2", "", 1, "enrich", 4), call.args());
        assertEquals(List.of("dg:{r1}:meta", "dg:{r1}:io:a", "dg:{r1}:io:b", "dg:{r1}:work:enrich", "dg:{r1}:held:enrich",
                "dg:{r1}:dead", "dg:{r1}:appended"), call.keys());
    }

    @Test
    void anAppendToAStreamReadByElementWiseProcessorsNamesTheirWorkStreams() {
        ScriptCall<Scripts.Write> call = Scripts.append(RUN, "items", 1, BATCH, "", List.of("enrich"));
        assertEquals(List.of("dg:{r1}:meta", "dg:{r1}:io:items", "dg:{r1}:work:enrich"), call.keys());
        assertEquals("enrich", call.args().get(8));
    }

    @Test
    void claimCommitKeepAliveAndDrainNameTheirArguments() {
        assertEquals(List.of("consumer", "count", "lease", "window", "processor"), argumentNames(Script.CLAIM));
        assertEquals(List.of("w1", 4, 2000L, 0, "enrich"), Scripts.claim(RUN, "enrich", "items", "w1", 4, 2000).args());
        assertEquals(List.of("processor", "consumer", "input", "channel", "runId", "place"), argumentNames(Script.COMMIT));
        WorkUnit unit = new WorkUnit("5-0", 2, "1-0", 0, 2, 1, 0, 3, List.of());
        ScriptCall<StatusReply> commit = Scripts.commit(RUN, "enrich", "items", "w1", List.of(unit), 2,
                List.of(new Scripts.Results("enriched", BATCH)), List.of(new Scripts.Retry("1-0", 1, 2, 99)), List.of());
        assertEquals(List.of("enrich", "w1", "items", "dg:signals", "r1", 0L, 1, "5-0", 2L, "1-0", 2L, "enriched", 2,
                "1\n2", "sig", 1, "1-0", 1, 2, 99L, 0), commit.args());
        assertEquals(List.of("dg:{r1}:meta", "dg:{r1}:work:enrich", "dg:{r1}:dead", "dg:{r1}:held:enrich",
                "dg:{r1}:io:items", "dg:{r1}:io:enriched"), commit.keys());
        assertEquals(List.of("consumer"), argumentNames(Script.KEEP_ALIVE));
        assertEquals(List.of("channel", "runId", "processor", "partition", "input", "driver", "driven", "k"),
                argumentNames(Script.DRAIN));
    }

    @Test
    void aClaimReplyReadsAsWorkUnits() {
        Scripts.Claim claim = Scripts.claim(RUN, "enrich", "items", "w1", 4, 2000).read(List.of("RUNNING", "", "",
                List.of(List.of("5-0", 3L, "1-0", 2L, 4L, 2L, 1234L, 7L)),
                List.of(List.of("1-0", List.of("n", "4", "v", "1\n2\n3\n4")))));
        WorkUnit unit = claim.units().get(0);
        assertEquals(new WorkUnit("5-0", 3, "1-0", 2, 4, 2, 1234, 7, List.of("n", "4", "v", "1\n2\n3\n4")), unit);
    }

    @Test
    void createListsPartitionsReadersTrimmedStreamsAndInputEntries() {
        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("a", "foo");
        Scripts.NewRun run = new Scripts.NewRun("{}", 60, "ada", new Driver("n1", List.of("foo")), List.of(1, 2), readers, List.of("b"),
                Map.of("enrich", 8), List.of(new Scripts.NewInput("a", true, List.of(BATCH), List.of("enrich"))), "flow=f");
        ScriptCall<java.util.Optional<String>> call = Scripts.create(RUN, run);
        assertEquals(List.of("plan", "ttl", "startedBy", "driver", "driven", "partitions"), argumentNames(Script.CREATE));
        assertEquals(List.of("{}", 60L, "ada", "n1", "foo", 2, 1, 2, 1, "a", "foo", 1, "b", 1, "enrich", 8, 1, "a", 1, 1, 2, "1\n2",
                "sig", 1, 1, "flow=f"), call.args());
        assertEquals(List.of("dg:{r1}:meta", "dg:{r1}:io:a", "dg:{r1}:work:enrich"), call.keys());
    }

    @Test
    void createAnswersTheRequestRecordedForARunThatExistsAlready() {
        Scripts.NewRun run = new Scripts.NewRun("{}", 60, "", new Driver("n1", List.of()), List.of(1), Map.of(), List.of(),
                Map.of(), List.of(), "flow=f");
        assertEquals(java.util.Optional.empty(), Scripts.create(RUN, run).read("OK"));
        assertEquals(java.util.Optional.of("flow=g"), Scripts.create(RUN, run).read("EXISTS flow=g"));
    }

    @Test
    void anAppendReplyReadsAsTheWriteAndTheReadersBacklog() {
        Scripts.Write write = Scripts.append(RUN, "bar", 1, BATCH, "").read(List.of("OK", "", "", 12L, 40L));
        assertTrue(write.status().ok());
        assertTrue(write.measured());
        assertEquals(12, write.backlog());
        assertEquals(40, write.readerPosition());
    }

    @Test
    void aRefusedWriteReadsAsTheRunsFailure() {
        Scripts.Write write = Scripts.append(RUN, "bar", 1, BATCH, "").read(List.of("FAILED", "foo", "boom"));
        assertEquals("FAILED", write.status().status());
        assertTrue(write.status().ended("r1").getMessage().contains("boom"));
    }

    @Test
    void anAttemptReplyReadsAsTheAttemptWhereEachOutputStandsAndEachInputsFirstFetch() {
        Attempt attempt = Scripts.attempt(RUN, "foo", "n1", "local", List.of("b", "c"), List.of("a"), 2)
                .read(List.of(3L, 1L, 10L, 1L, 0L, 0L, List.of("RUNNING", "", "",
                        List.of(List.of("1-0", List.of("n", "1", "v", "5")), List.of("2-0", List.of("end", "1"))))));
        assertEquals(3, attempt.number());
        assertEquals(1, attempt.epoch());
        assertEquals("foo#3", attempt.writer());
        assertEquals(new Attempt.Resume(10, 1), attempt.outputs().get("b"));
        Scripts.Read first = attempt.firstFetches().get("a");
        assertEquals("RUNNING", first.status().status());
        assertEquals(List.of("1-0", "2-0"), first.entries().stream().map(Scripts.RawEntry::id).toList());
        assertNull(Scripts.attempt(RUN, "foo", "n1", "local", List.of("b"), List.of(), 2).read(List.of(-1L)));
    }

    @Test
    void aReadReplyReadsAsEntries() {
        Scripts.Read read = Scripts.read(RUN, "s", "-", 10, "", 0, "").read(List.of("RUNNING", "", "",
                List.of(List.of("1-0", List.of("n", "1", "v", "5")), List.of("2-0", List.of("end", "1")))));
        assertEquals(List.of("1-0", "2-0"), read.entries().stream().map(Scripts.RawEntry::id).toList());
        assertEquals(List.of("end", "1"), read.entries().get(1).fields());
    }
}
