-- Restarts a FAILED run, in one step: its epoch is raised (late failure records, old watchdog verdicts
-- and stale dispatches of the earlier epoch are then ignored), the processors of the current partition
-- that did not finish get a new attempt (fencing off any zombie of the old ones) and phase WAITING,
-- the partition's counter counts them, the failure is forgotten, the run is RUNNING and its keys no
-- longer expire. Refused when a processor to run again would re-read a trimmed input.
-- Called by Scripts.restart. KEYS[1] meta, KEYS[2..] every key of the run
-- ARGV: channel, run id, partition, the restarting node (it schedules the partition), the processors it runs
-- itself, processor count P, then per processor: name, input count I, I inputs
-- Returns {OK, epoch, processors to run again …}, {NOT_FAILED, status}, {MOVED, partition} or
-- {TRIMMED, processor, input}.
local channel, runId, partition, driver, driven = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'FAILED' then
  return {'NOT_FAILED', status or 'UNKNOWN'}
end
if redis.call('HGET', KEYS[1], 'partition') ~= partition then
  return {'MOVED', redis.call('HGET', KEYS[1], 'partition')}
end
local again = {}
local a = 7
for p = 1, tonumber(ARGV[6]) do
  local name, inputs = ARGV[a], tonumber(ARGV[a + 1])
  if redis.call('HGET', KEYS[1], 'phase:' .. name) ~= 'DONE' then
    for i = 1, inputs do
      if redis.call('HEXISTS', KEYS[1], 'trimmed:' .. ARGV[a + 1 + i]) == 1 then
        return {'TRIMMED', name, ARGV[a + 1 + i]}
      end
    end
    table.insert(again, name)
  end
  a = a + 2 + inputs
end
local epoch = redis.call('HINCRBY', KEYS[1], 'epoch', 1)
redis.call('HSET', KEYS[1], 'status', 'RUNNING', 'remaining:' .. partition, #again, 'driver', driver, 'driven', driven)
redis.call('HDEL', KEYS[1], 'failedProcessor', 'error', 'finished')
for _, name in ipairs(again) do
  redis.call('HDEL', KEYS[1], 'phase:' .. name)
  redis.call('HINCRBY', KEYS[1], 'attempt:' .. name, 1)
end
for i = 1, #KEYS do
  redis.call('PERSIST', KEYS[i])
end
redis.call('PUBLISH', channel, runId)
local reply = {'OK', epoch}
for _, name in ipairs(again) do
  table.insert(reply, name)
end
return reply
