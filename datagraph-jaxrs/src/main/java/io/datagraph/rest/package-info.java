/**
 * The REST API ({@code /datagraph/api}) over the {@link io.datagraph.Datagraph} facade: one package per
 * resource ({@code flows}, {@code graph}, {@code processors}), request reading ({@code request}), error
 * answers as RFC 9457 problem documents ({@code problem}) and access control ({@code security}).
 */
package io.datagraph.rest;
