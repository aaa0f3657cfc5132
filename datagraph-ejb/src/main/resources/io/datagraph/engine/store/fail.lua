-- Fails a run, unless it already ended. Readers see the failure at their next read.
-- KEYS[1] meta, KEYS[2..] every stream of the run
-- ARGV[1] signal channel, ARGV[2] run id, ARGV[3] processor, ARGV[4] message
-- Returns 1 if this call failed the run, 0 if it had already ended.
if redis.call('HGET', KEYS[1], 'status') ~= 'RUNNING' then
  return 0
end
local now = redis.call('TIME')
redis.call('HSET', KEYS[1], 'status', 'FAILED', 'failedProcessor', ARGV[3], 'error', ARGV[4], 'phase:' .. ARGV[3], 'FAILED',
  'finished', now[1] * 1000 + math.floor(now[2] / 1000))
local ttl = redis.call('HGET', KEYS[1], 'ttl')
for i = 1, #KEYS do
  redis.call('EXPIRE', KEYS[i], ttl)
end
redis.call('PUBLISH', ARGV[1], ARGV[2] .. '!FAILED')
return 1
