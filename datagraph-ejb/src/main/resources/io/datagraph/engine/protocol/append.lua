-- Appends one batch of values (an entry as EntryCodec writes it) to a stream.
-- Called by Scripts.append. KEYS[1] meta, KEYS[2] stream, KEYS[3..] the work streams of the element-wise
-- processors reading it, whose names are ARGV[9..], in the same order
-- Returns {OK, '', '', backlog, position}: the values its slowest running reader has not read yet, and
-- that reader's position (-1: none running); or why nothing was written:
-- {run status or UNKNOWN, failed processor, error}, {SUPERSEDED, '', ''} or {CLOSED, '', ''}.
-- uses backlog(), refused() and append_entry(), which Script prepends from rates_lib, backlog_lib, fence_lib,
-- refused_lib, split_lib and append_lib
local stream, sequence, count, payload, signature, writer, channel, runId =
  ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local refusal = refused(KEYS[1], writer)
if refusal then
  return refusal
end
if redis.call('HEXISTS', KEYS[1], 'closed:' .. stream) == 1 then
  return {'CLOSED', '', ''}
end
local workKeys = {}
for i = 3, #KEYS do
  table.insert(workKeys, {ARGV[6 + i], KEYS[i]})
end
if not append_entry(KEYS[1], KEYS[2], stream, sequence, count, payload, signature, workKeys) then
  return {'OK', '', ''}
end
-- the signal names the stream (SignalMessage): readers of the run's other streams sleep on
redis.call('PUBLISH', channel, runId .. '\n' .. stream)
local lag = backlog(KEYS[1], stream)
return {'OK', '', '', lag[1], lag[2]}
