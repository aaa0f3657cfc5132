package io.datagraph;

/**
 * A value of a stream with its position. Positions are opaque strings, increasing along the
 * stream; reading {@linkplain IO#after(String) after} a position resumes right behind that value.
 */
public record StreamValue<T>(String position, T value) {
}
