-- A run ended (or was found ended): it no longer counts among the running runs, and the history lists it
-- under its final status. Idempotent: every node that hears of the end calls it.
-- Called by Scripts.historyEnd. KEYS[1] running, KEYS[2] history, KEYS[3] summaries, KEYS[4..7] the history by
-- status RUNNING, COMPLETED, FAILED, CANCELLED (as admit.lua)
-- ARGV[1] run id, ARGV[2] its status now, as an index into KEYS (5..7), or 0 when unknown (only released)
local runId, statusKey = ARGV[1], tonumber(ARGV[2])
redis.call('ZREM', KEYS[1], runId)
local started = redis.call('ZSCORE', KEYS[2], runId)
local summary = redis.call('HGET', KEYS[3], runId)
if statusKey == 0 or not started or not summary then
  return 0
end
for i = 4, 7 do
  redis.call('ZREM', KEYS[i], runId)
end
redis.call('ZADD', KEYS[statusKey], started, runId)
local statuses = {'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'}
local tab = string.find(summary, '\t', 1, true)
redis.call('HSET', KEYS[3], runId, statuses[statusKey - 3] .. string.sub(summary, tab))
return 1
