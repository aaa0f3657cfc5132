-- Admits a new run when fewer than the limit are running, across every node sharing the store, and
-- indexes it in the run history: one round trip for both.
-- Called by Scripts.admit. KEYS[1] the sorted set of running run ids (score: admission time, ms),
-- KEYS[2] the history (every run, score: start time, ms), KEYS[3] the history's summaries (hash: run id ->
-- status TAB startedBy TAB processors), KEYS[4..7] the history by status RUNNING, COMPLETED, FAILED,
-- CANCELLED, KEYS[8] by who started it ('' user: none), KEYS[9..] by processor; one hash tag keeps them in
-- one slot. ARGV[1] run id, ARGV[2] limit, ARGV[3] who starts it ('' if nobody in particular),
-- ARGV[4] its processors, comma-separated
-- A restarted run is admitted again and keeps its place in the history. History scores are the start time in
-- ms with three decimals (µs), written as strings (Lua would round a number to 14 digits), so that runs
-- started in the same millisecond keep the order they were admitted in.
-- Returns {1 when admitted else 0, how many runs were running, the store's time in ms}.
local runId, limit, startedBy, processors = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local now = redis.call('TIME')
local millis = now[1] * 1000 + math.floor(now[2] / 1000)
local running = redis.call('ZCARD', KEYS[1])
if running >= limit then
  return {0, running, millis}
end
redis.call('ZADD', KEYS[1], millis, runId)
local started = redis.call('ZSCORE', KEYS[2], runId) or string.format('%.3f', now[1] * 1000 + now[2] / 1000)
redis.call('ZADD', KEYS[2], started, runId)
for i = 5, 7 do
  redis.call('ZREM', KEYS[i], runId)
end
redis.call('ZADD', KEYS[4], started, runId)
if startedBy ~= '' then
  redis.call('ZADD', KEYS[8], started, runId)
end
for i = 9, #KEYS do
  redis.call('ZADD', KEYS[i], started, runId)
end
redis.call('HSET', KEYS[3], runId, 'RUNNING\t' .. startedBy .. '\t' .. processors)
return {1, running, millis}
