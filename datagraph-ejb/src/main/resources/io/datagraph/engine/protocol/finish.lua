-- A processor returned: complete its outputs, count it done in its partition, and when the
-- partition is done advance to the next one or complete the run. Atomic, so exactly one caller
-- sees a given advance.
-- Called by Scripts.finish. KEYS[1] meta, KEYS[2..] every stream of the run
-- ARGV[6 .. 5+K] the processor's K outputs, ARGV[6+K ..] the names of KEYS[2..], in order
-- Returns {status, next partition to start or -1}; {SUPERSEDED, -1} when a newer attempt took over.
-- uses fenced() from fence_lib
local channel, runId, partition, writer, k = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'RUNNING' then
  return {status or 'UNKNOWN', -1}
end
if fenced(KEYS[1], writer) then
  return {'SUPERSEDED', -1}
end
local keyOf = {}
for i = 2, #KEYS do
  keyOf[ARGV[4 + k + i]] = KEYS[i]
end
redis.call('HSET', KEYS[1], 'phase:' .. string.match(writer, '^(.*)#'), 'DONE')
for i = 6, 5 + k do
  local name = ARGV[i]
  if redis.call('HSETNX', KEYS[1], 'closed:' .. name, '1') == 1 then
    redis.call('XADD', keyOf[name], '*', 'end', '1')
  end
end
local nextPartition = -1
local signal = runId
if redis.call('HINCRBY', KEYS[1], 'remaining:' .. partition, -1) == 0 then
  local p = tonumber(partition) + 1
  if p < tonumber(redis.call('HGET', KEYS[1], 'partitions')) then
    redis.call('HSET', KEYS[1], 'partition', p)
    nextPartition = p
  else
    local now = redis.call('TIME')
    redis.call('HSET', KEYS[1], 'status', 'COMPLETED', 'finished', now[1] * 1000 + math.floor(now[2] / 1000))
    status = 'COMPLETED'
    signal = runId .. '!COMPLETED'
    local ttl = redis.call('HGET', KEYS[1], 'ttl')
    for i = 1, #KEYS do
      redis.call('EXPIRE', KEYS[i], ttl)
    end
  end
end
redis.call('PUBLISH', channel, signal)
return {status, nextPartition}
