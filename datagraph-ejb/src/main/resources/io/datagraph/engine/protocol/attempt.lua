-- Starts an attempt of a processor: a newer attempt fences off an older one's writes (a restarted
-- processor supersedes the dead node's partial work). Records phase RUNNING, the node and how it got
-- there ('local' or 'store' dispatch). Then makes each input's first fetch, as the processor's reader
-- would (from the start): a small flow's processor so reads its inputs without a round trip of its own.
-- Called by Scripts.attempt. KEYS[1] meta, KEYS[2..] the inputs' streams
-- ARGV: processor, node, via, number of outputs n, the n outputs, entries per first fetch, the inputs
-- (as KEYS[2..])
-- Returns {attempt, the run's epoch, then per output: values already written, last batch sequence,
-- then per input: its first fetch as read_stream returns it}, or {-1} when the run is no longer running.
-- uses read_stream() from read_lib
local processor, node, via, outputs = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
if redis.call('HGET', KEYS[1], 'status') ~= 'RUNNING' then
  return {-1}
end
local attempt = redis.call('HINCRBY', KEYS[1], 'attempt:' .. processor, 1)
redis.call('HSET', KEYS[1], 'phase:' .. processor, 'RUNNING', 'node:' .. processor, node, 'via:' .. processor, via)
local reply = {attempt, tonumber(redis.call('HGET', KEYS[1], 'epoch') or '0')}
for i = 5, 4 + outputs do
  table.insert(reply, tonumber(redis.call('HGET', KEYS[1], 'count:' .. ARGV[i]) or '0'))
  table.insert(reply, tonumber(redis.call('HGET', KEYS[1], 'seq:' .. ARGV[i]) or '0'))
end
local limit = ARGV[5 + outputs]
for i = 2, #KEYS do
  table.insert(reply, read_stream(KEYS[1], KEYS[i], ARGV[4 + outputs + i], '-', limit, processor, 0, ''))
end
return reply
