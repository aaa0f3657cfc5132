package io.datagraph.engine.protocol;

import io.datagraph.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalMessageTest {

    @Test
    void aWriteSignalNamesTheRunAndTheStreamsWritten() {
        SignalMessage message = SignalMessage.parse(SignalMessage.written("run-1", List.of("numbers", "squares")));
        assertEquals("run-1", message.runId());
        assertEquals(List.of("numbers", "squares"), message.streams());
        assertEquals(Optional.empty(), message.ended());
        assertFalse(message.isDispatch());
    }

    @Test
    void aSignalNamingOnlyTheRunConcernsAllItsStreams() {
        SignalMessage message = SignalMessage.parse("run-1");
        assertEquals("run-1", message.runId());
        assertEquals(List.of(), message.streams());
        assertEquals(Optional.empty(), message.ended());
    }

    @Test
    void anEndSignalNamesTheRunAndItsStatus() {
        SignalMessage message = SignalMessage.parse(SignalMessage.ended("run-1", RunStatus.FAILED));
        assertEquals("run-1", message.runId());
        assertEquals(Optional.of(RunStatus.FAILED), message.ended());
    }

    @Test
    void aFailureSignalNamesTheEpochThatEnded() {
        SignalMessage message = SignalMessage.parse("run-1!FAILED!2");
        assertEquals(Optional.of(RunStatus.FAILED), message.ended());
        assertEquals(2, message.epoch());
    }

    @Test
    void aDispatchNoticeNamesTheProcessor() {
        SignalMessage message = SignalMessage.parse(SignalMessage.dispatched("square"));
        assertTrue(message.isDispatch());
        assertEquals("square", message.processor());
    }
}
