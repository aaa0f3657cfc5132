-- Fails a run, unless it already ended, or the failure belongs to an earlier epoch (the run was
-- restarted since: a late failure record or an old watchdog verdict must not touch it). Processors
-- still running are STOPPED. Readers see the failure at their next read.
-- Called by Scripts.fail. KEYS[1] meta, KEYS[2..] every key of the run
-- Returns 1 if this call failed the run, 0 if it had already ended or was restarted since.
-- uses stop_running() from stop_lib
local channel, runId, processor, message, epoch = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('HGET', KEYS[1], 'status') ~= 'RUNNING' then
  return 0
end
if epoch ~= '' and (redis.call('HGET', KEYS[1], 'epoch') or '0') ~= epoch then
  return 0
end
stop_running(KEYS[1], processor)
local now = redis.call('TIME')
redis.call('HSET', KEYS[1], 'status', 'FAILED', 'failedProcessor', processor, 'error', message,
  'phase:' .. processor, 'FAILED', 'finished', now[1] * 1000 + math.floor(now[2] / 1000))
local ttl = redis.call('HGET', KEYS[1], 'ttl')
for i = 1, #KEYS do
  redis.call('EXPIRE', KEYS[i], ttl)
end
redis.call('PUBLISH', channel, runId .. '!FAILED!' .. (redis.call('HGET', KEYS[1], 'epoch') or '0'))
return 1
