package io.datagraph.engine.protocol;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The meta-hash fields are named in one place: every field a script touches is listed in {@link MetaField}. */
class MetaFieldTest {

    /** Lower-case words quoted in Lua code (comments stripped): field names, prefixes and entry fields. */
    private static final Pattern QUOTED = Pattern.compile("'([a-z][A-Za-z]*:?)'");

    /** Fields of a rate sample, after its prefix ({@link MetaField#writeRate}). */
    private static final Set<String> SAMPLE_FIELDS = Set.of("c", "t", "r");

    private static final Set<String> ENTRY_FIELDS = Set.of(EntryCodec.COUNT, EntryCodec.VALUES, EntryCodec.SIGNATURE,
            EntryCodec.END);

    /** Lua's own words that scripts quote ({@code type(x) == 'table'}), and the consumer group's name. */
    private static final Set<String> LUA_WORDS = Set.of("table", WorkUnit.GROUP);

    /** Fields of other entries the scripts write: work units and dead letters. */
    private static final Set<String> OTHER_ENTRIES = Set.of(WorkUnit.ENTRY, WorkUnit.FROM, WorkUnit.TO,
            WorkUnit.ATTEMPT, WorkUnit.NOT_BEFORE, WorkUnit.PLACE, DeadLetterEntry.PROCESSOR, DeadLetterEntry.VALUE,
            DeadLetterEntry.ERROR, DeadLetterEntry.ATTEMPTS, DeadLetterEntry.NODE, DeadLetterEntry.TIME);

    private static List<String> quotedInScripts() {
        List<String> words = new ArrayList<>();
        for (Script script : Script.values()) {
            for (String line : script.source().split("\n")) {
                String code = line.replaceAll("--.*$", "");
                Matcher m = QUOTED.matcher(code);
                while (m.find()) {
                    words.add(m.group(1));
                }
            }
        }
        return words;
    }

    @Test
    void everyFieldTheScriptsTouchIsNamedInMetaField() {
        List<String> unknown = new ArrayList<>();
        for (String word : quotedInScripts()) {
            boolean known = word.endsWith(":") ? MetaField.PREFIXES.contains(word)
                    : MetaField.PLAIN.contains(word) || SAMPLE_FIELDS.contains(word) || ENTRY_FIELDS.contains(word)
                    || LUA_WORDS.contains(word) || OTHER_ENTRIES.contains(word);
            if (!known) {
                unknown.add(word);
            }
        }
        assertEquals(List.of(), unknown, "fields the scripts use but MetaField does not name");
    }

    @Test
    void theScriptsAreReadForFields() {
        assertFalse(quotedInScripts().isEmpty(), "no quoted field found: the check above would pass vacuously");
    }

    @Test
    void fieldNamesJoinPrefixAndNames() {
        assertEquals("read:numbers:square", MetaField.read("numbers", "square"));
        assertEquals("r:numbers:square:", MetaField.readRate("numbers", "square"));
        assertEquals("attempt:square", MetaField.attempt("square"));
    }
}
