package io.datagraph;

/**
 * Why a run failed.
 *
 * @param processor the processor that threw first
 * @param message   the exception's type and message
 */
public record RunFailure(String processor, String message) {
}
