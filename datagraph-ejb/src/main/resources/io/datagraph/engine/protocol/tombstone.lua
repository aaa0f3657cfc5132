-- A run the store lost (it came back without its data) is recorded as FAILED with why, so that its
-- readers and clients see a failure naming the store rather than an unknown run. A run the store still
-- holds is left alone.
-- Called by Scripts.tombstone. KEYS[1] meta. ARGV: channel, run id, message, ttl seconds, an empty plan (JSON)
-- Returns 1 if this call wrote the tombstone, 0 if the run is there.
local channel, runId, message, ttl, plan = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local now = redis.call('TIME')
redis.call('HSET', KEYS[1], 'status', 'FAILED', 'failedProcessor', '(store)', 'error', message, 'ttl', ttl,
  'plan', plan, 'finished', now[1] * 1000 + math.floor(now[2] / 1000))
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('PUBLISH', channel, runId .. '!FAILED!0')
return 1
