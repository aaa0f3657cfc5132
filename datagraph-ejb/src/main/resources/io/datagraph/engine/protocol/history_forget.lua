-- Drops runs the store no longer holds (expired, or never written: a start refused after admission) from
-- every index of the run history. The caller leaves alone runs admitted so recently that they may still be
-- being written.
-- Called by Scripts.historyForget. KEYS[1] summaries, KEYS[2..] every index that may list them (the history,
-- by status, by who started them, by processor); ARGV the run ids
for _, runId in ipairs(ARGV) do
  redis.call('HDEL', KEYS[1], runId)
  for i = 2, #KEYS do
    redis.call('ZREM', KEYS[i], runId)
  end
end
return #ARGV
