-- Starts an attempt of a processor: a newer attempt fences off an older one's writes (a restarted
-- processor supersedes the dead node's partial work). Records phase RUNNING, the node and how it got
-- there ('local' or 'store' dispatch).
-- Called by Scripts.attempt. KEYS[1] meta; ARGV[4..] the processor's outputs
-- Returns {attempt, the run's epoch, then per output: values already written, last batch sequence}, or
-- {-1} when the run is no longer running.
local processor, node, via = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HGET', KEYS[1], 'status') ~= 'RUNNING' then
  return {-1}
end
local attempt = redis.call('HINCRBY', KEYS[1], 'attempt:' .. processor, 1)
redis.call('HSET', KEYS[1], 'phase:' .. processor, 'RUNNING', 'node:' .. processor, node, 'via:' .. processor, via)
local reply = {attempt, tonumber(redis.call('HGET', KEYS[1], 'epoch') or '0')}
for i = 4, #ARGV do
  table.insert(reply, tonumber(redis.call('HGET', KEYS[1], 'count:' .. ARGV[i]) or '0'))
  table.insert(reply, tonumber(redis.call('HGET', KEYS[1], 'seq:' .. ARGV[i]) or '0'))
end
return reply
