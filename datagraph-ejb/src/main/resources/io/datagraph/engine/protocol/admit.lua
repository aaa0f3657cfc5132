-- Admits a new run when fewer than the limit are running, across every node sharing the store, and
-- lists it among the recent runs (the newest ARGV[3] are kept): one round trip for both.
-- Called by Scripts.admit. KEYS[1] the sorted set of running run ids (score: admission time, ms),
-- KEYS[2] the sorted set of recent run ids (score: start time, ms); one hash tag keeps both in one slot.
-- Returns {1 when admitted else 0, how many runs were running, the store's time in ms}.
local runId, limit, recent = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local now = redis.call('TIME')
local millis = now[1] * 1000 + math.floor(now[2] / 1000)
local running = redis.call('ZCARD', KEYS[1])
if running >= limit then
  return {0, running, millis}
end
redis.call('ZADD', KEYS[1], millis, runId)
redis.call('ZADD', KEYS[2], millis, runId)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -recent - 1)
return {1, running, millis}
