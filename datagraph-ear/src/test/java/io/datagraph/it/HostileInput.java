package io.datagraph.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Malformed and hostile request parts for fuzzing the REST API: JSON bodies of the wrong shape,
 * huge numbers, deep nesting, odd unicode, invalid UTF-8, and names that look like injections.
 * Deterministic for a seed, so a failure can be replayed.
 */
final class HostileInput {

    static final List<String> PROCESSORS = List.of("multiply", "foo", "bar", "foobar", "producer", "consumer",
            "first", "second", "range", "square", "sum");

    static final List<String> STREAMS = List.of("foo", "bar", "a", "b", "c", "d", "e", "input", "produced",
            "consumed", "count", "numbers", "squares", "total");

    /** Names meant to break whatever a name reaches: store keys, Lua, JSON, logs, HTML, paths, headers. */
    static final List<String> HOSTILE_NAMES = List.of("", " ", "multiply ", "MULTIPLY", "mul\u0000tiply",
            "'; DROP TABLE runs; --", "\" OR \"1\"=\"1", "../../../etc/passwd", "..", ".", "%2e%2e%2f", "dg:{x}:meta",
            "{", "}", "{run}", "*", "?", "[", "\\", "\r\nX-Injected: yes", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}", "#{7*7}", "%s%s%s%n", "') redis.call('FLUSHALL') --",
            "\"; return redis.call('FLUSHALL') --", "\u202Emultiply", "\uFEFFmultiply", "😀", "名前", "\uD800",
            "null", "true", "0", "-1", "multiply,foo", "a".repeat(5000), "ｍｕｌｔｉｐｌｙ");

    private static final List<String> NOT_JSON = List.of("NaN", "Infinity", "-Infinity", "undefined", "{'a':1}",
            "[1,2,]", "{\"processors\":[\"multiply\"],}", "\uFEFF{}", "{\"a\" 1}", "[", "]", "{", "}", "\"",
            "//{}", "/*x*/{}", "{\"processors\":[\"multiply\"]}{}", "0x10", "01", "1.", ".5", "+1", "tru", "nul");

    /** Characters a mutation writes: JSON's structure, and the start of numbers and literals. */
    private static final String EDITS = "{}[]\",:\\0a-e.";

    private final Random random;

    HostileInput(long seed) {
        random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A processor or stream name: mostly hostile, sometimes real, sometimes random unicode. */
    String name(List<String> real) {
        int roll = random.nextInt(10);
        return roll < 6 ? pick(HOSTILE_NAMES) : roll < 9 ? pick(real) : text(1 + random.nextInt(20));
    }

    /** Random text over ASCII, control characters, other planes and lone surrogates. */
    String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) (0xa0 + random.nextInt(0xd000)));
                case 3 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
                default -> text.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    /** A JSON value of any type, up to {@code depth} levels deep. */
    String value(int depth) {
        int roll = random.nextInt(depth > 0 ? 12 : 9);
        return switch (roll) {
            case 0 -> String.valueOf(random.nextInt(10));
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> "9".repeat(1 + random.nextInt(400));
            case 3 -> pick(List.of("1e400", "-1e400", "1e-400", "-0", "0.0000000000000000000001", "2147483648",
                    "-2147483649", "9223372036854775808", "1E+2", "123456789.123456789e10"));
            case 4 -> pick(List.of("true", "false", "null"));
            case 5 -> string(pick(HOSTILE_NAMES));
            case 6 -> string(text(random.nextInt(30)));
            case 7 -> string("x".repeat(random.nextInt(3) == 0 ? 70_000 : 100));
            case 8 -> "[]";
            case 9, 10 -> array(depth - 1, random.nextInt(5));
            default -> object(depth - 1);
        };
    }

    private String array(int depth, int size) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            array.append(i == 0 ? "" : ",").append(value(depth));
        }
        return array.append(']').toString();
    }

    private String object(int depth) {
        StringBuilder object = new StringBuilder("{");
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            object.append(i == 0 ? "" : ",").append(string(name(STREAMS))).append(':').append(value(depth));
        }
        return object.append('}').toString();
    }

    /** A JSON string holding any text, escaped as JSON requires. */
    static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** A body for {@code POST /flows} or {@code POST /graph}: right shape with wrong parts, or worse. */
    byte[] startBody() {
        return switch (random.nextInt(9)) {
            case 0, 1 -> utf8(shapedStart());
            case 2 -> utf8(runnableStart());
            case 3 -> utf8(value(4));
            case 4 -> utf8(deep());
            case 5 -> utf8(mutate(shapedStart()));
            case 6 -> utf8(pick(NOT_JSON));
            default -> invalidUtf8(shapedStart());
        };
    }

    /** A body for appending to an input: arrays of numbers mostly, anything else often. */
    byte[] valuesBody() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> utf8(array(1, random.nextInt(6)));
            case 2 -> utf8("[" + random.nextInt(100) + "," + random.nextInt(100) + "]");
            case 3 -> utf8(value(3));
            case 4 -> utf8(deep());
            default -> utf8(mutate("[1,2,3]"));
        };
    }

    /** A flow that resolves, given hostile values: they reach the processors. */
    private String runnableStart() {
        String[] flow = pick(List.of(new String[] {"[\"multiply\"]", "foo"}, new String[] {"[\"foo\",\"bar\"]", "a"},
                new String[] {"[\"range\",\"square\",\"sum\"]", "count"}, new String[] {"[\"square\",\"sum\"]", "numbers"},
                new String[] {"[\"producer\",\"consumer\"]", "input"}));
        String values = random.nextBoolean() ? "[" + value(2) + "]" : array(2, random.nextInt(4));
        return "{\"processors\":" + flow[0] + ",\"inputs\":{\"" + flow[1] + "\":" + values + "}}";
    }

    /** {"processors" | "flow", "inputs", "open", "outputs"} with each part real, hostile, or of the wrong type. */
    private String shapedStart() {
        StringBuilder body = new StringBuilder("{");
        String separator = "";
        if (random.nextInt(5) > 0) {
            body.append("\"processors\":").append(random.nextInt(4) == 0 ? value(2) : names(PROCESSORS));
            separator = ",";
        }
        if (random.nextInt(4) == 0) {
            body.append(separator).append("\"flow\":").append(random.nextBoolean() ? string(name(List.of("squares"))) : value(1));
            separator = ",";
        }
        if (random.nextInt(4) > 0) {
            body.append(separator).append("\"inputs\":").append(random.nextInt(4) == 0 ? value(2) : inputs());
            separator = ",";
        }
        if (random.nextInt(4) == 0) {
            body.append(separator).append("\"open\":").append(random.nextBoolean() ? names(STREAMS) : value(1));
            separator = ",";
        }
        if (random.nextInt(4) == 0) {
            body.append(separator).append("\"outputs\":")
                    .append(random.nextBoolean() ? string(pick(List.of("final", "all", "terminal", "ALL", ""))) : value(1));
            separator = ",";
        }
        if (random.nextInt(8) == 0) {
            body.append(separator).append(string(name(List.of("processors", "inputs")))).append(':').append(value(1));
        }
        return body.append('}').toString();
    }

    private String names(List<String> real) {
        StringBuilder names = new StringBuilder("[");
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            names.append(i == 0 ? "" : ",").append(string(name(real)));
        }
        return names.append(']').toString();
    }

    private String inputs() {
        StringBuilder inputs = new StringBuilder("{");
        int size = random.nextInt(3);
        for (int i = 0; i < size; i++) {
            inputs.append(i == 0 ? "" : ",").append(string(name(STREAMS))).append(':')
                    .append(random.nextInt(3) == 0 ? value(2) : "[" + value(1) + "]");
        }
        return inputs.append('}').toString();
    }

    /** Arrays or objects nested thousands deep: a recursive parser must not overflow. */
    private String deep() {
        int depth = 500 + random.nextInt(30_000);
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"processors\":".repeat(depth) + "[]" + "}".repeat(depth);
    }

    /** A few random edits: characters dropped, doubled or replaced, or the text cut short. */
    private String mutate(String text) {
        StringBuilder mutated = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(4); edits > 0 && mutated.length() > 0; edits--) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, mutated.charAt(at));
                case 2 -> mutated.setCharAt(at, EDITS.charAt(random.nextInt(EDITS.length())));
                default -> mutated.setLength(at);
            }
        }
        return mutated.toString();
    }

    private byte[] invalidUtf8(String text) {
        byte[] bytes = utf8(text);
        if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) pick(List.of(0xC3, 0xFF, 0xFE, 0x80, 0xED)).intValue();
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
