-- A processor returned: complete its outputs, count it done in its partition, and when the
-- partition is done advance to the next one or complete the run. Atomic, so exactly one caller
-- sees a given advance.
-- Called by Scripts.finish. KEYS[1] meta, KEYS[2 .. 1+S] every stream of the run, KEYS[2+S ..] the
-- run's other keys (work and dead-letter streams), which expire with it.
-- ARGV[1..7] channel, run id, partition, writer, this node (it schedules the next partition), the processors
-- it runs itself, output count K; ARGV[8 .. 7+K] the processor's K outputs, ARGV[8+K .. 7+K+S] the names of
-- KEYS[2 .. 1+S], in order
-- Returns {status, next partition to start or -1}; {SUPERSEDED, -1} when a newer attempt took over.
-- uses fenced() from fence_lib and finish_processor() from finish_lib
local channel, runId, partition, writer, driver, driven, k = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6],
  tonumber(ARGV[7])
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'RUNNING' then
  return {status or 'UNKNOWN', -1}
end
if fenced(KEYS[1], writer) then
  return {'SUPERSEDED', -1}
end
local keyOf = {}
for i = 8 + k, #ARGV do
  keyOf[ARGV[i]] = KEYS[i - 6 - k]
end
local outputs = {}
for i = 8, 7 + k do
  table.insert(outputs, ARGV[i])
end
return finish_processor(KEYS[1], string.match(writer, '^(.*)#'), partition, outputs, keyOf, KEYS, channel, runId, driver, driven)
