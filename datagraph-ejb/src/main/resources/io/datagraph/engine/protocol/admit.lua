-- Admits a new run when fewer than the limit are running, across every node sharing the store.
-- Called by Scripts.admit. KEYS[1] the sorted set of running run ids (score: admission time, ms)
-- Returns {1 when admitted else 0, how many runs were running, the store's time in ms}.
local runId, limit = ARGV[1], tonumber(ARGV[2])
local now = redis.call('TIME')
local millis = now[1] * 1000 + math.floor(now[2] / 1000)
local running = redis.call('ZCARD', KEYS[1])
if running >= limit then
  return {0, running, millis}
end
redis.call('ZADD', KEYS[1], millis, runId)
return {1, running, millis}
