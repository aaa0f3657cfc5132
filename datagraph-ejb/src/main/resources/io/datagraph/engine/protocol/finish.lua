-- A processor returned: append the last values it emitted, complete its outputs, count it done in its
-- partition, and when the partition is done advance to the next one or complete the run. Atomic, so
-- exactly one caller sees a given advance, and the last values land only if the finish does.
-- Called by Scripts.finish. KEYS[1] meta, KEYS[2 .. 1+S] every stream of the run, KEYS[2+S ..] the
-- run's other keys (work and dead-letter streams), which expire with it.
-- ARGV[1..7] channel, run id, partition, writer, this node (it schedules the next partition), the processors
-- it runs itself, output count K; ARGV[8 .. 7+K] the processor's K outputs; ARGV[8+K] S, then the names of
-- KEYS[2 .. 1+S], in order; then the count B of last entries, each as: stream, sequence, value count,
-- payload, signature, W, then W pairs (element-wise reader, index in KEYS of its work stream)
-- Returns {status, next partition to start or -1}; {SUPERSEDED, -1} when a newer attempt took over.
-- uses fenced() from fence_lib, finish_processor() from finish_lib, append_entry() from append_lib
local channel, runId, partition, writer, driver, driven, k = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6],
  tonumber(ARGV[7])
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'RUNNING' then
  return {status or 'UNKNOWN', -1}
end
if fenced(KEYS[1], writer) then
  return {'SUPERSEDED', -1}
end
local s = tonumber(ARGV[8 + k])
local keyOf = {}
for i = 1, s do
  keyOf[ARGV[8 + k + i]] = KEYS[1 + i]
end
local outputs = {}
for i = 8, 7 + k do
  table.insert(outputs, ARGV[i])
end
local a = 9 + k + s
for _ = 1, tonumber(ARGV[a]) do
  local stream, w = ARGV[a + 1], tonumber(ARGV[a + 6])
  local workKeys = {}
  for r = 1, w do
    table.insert(workKeys, {ARGV[a + 5 + 2 * r], KEYS[tonumber(ARGV[a + 6 + 2 * r])]})
  end
  if redis.call('HEXISTS', KEYS[1], 'closed:' .. stream) == 0 then
    append_entry(KEYS[1], keyOf[stream], stream, tonumber(ARGV[a + 2]), ARGV[a + 3], ARGV[a + 4], ARGV[a + 5], workKeys)
  end
  a = a + 6 + 2 * w
end
return finish_processor(KEYS[1], string.match(writer, '^(.*)#'), partition, outputs, keyOf, KEYS, channel, runId, driver, driven)
