-- Fails a run, unless it already ended, or the failure belongs to an earlier epoch (the run was
-- restarted since: a late failure record or an old watchdog verdict must not touch it). Processors
-- still running are STOPPED. Readers see the failure at their next read.
-- Called by Scripts.fail. KEYS[1] meta, KEYS[2..] every key of the run
-- Returns how long the run ran (ms, 0 or more) if this call failed it, -1 if it had already ended or was
-- restarted since. uses stop_running() from stop_lib, mark_ended() from ended_lib
local channel, runId, processor, message, epoch = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('HGET', KEYS[1], 'status') ~= 'RUNNING' then
  return -1
end
if epoch ~= '' and (redis.call('HGET', KEYS[1], 'epoch') or '0') ~= epoch then
  return -1
end
stop_running(KEYS[1], processor)
redis.call('HSET', KEYS[1], 'failedProcessor', processor, 'error', message, 'phase:' .. processor, 'FAILED')
local ran = mark_ended(KEYS[1], 'FAILED')
local ttl = redis.call('HGET', KEYS[1], 'ttl')
for i = 1, #KEYS do
  redis.call('EXPIRE', KEYS[i], ttl)
end
redis.call('PUBLISH', channel, runId .. '!FAILED!' .. (redis.call('HGET', KEYS[1], 'epoch') or '0'))
return ran
