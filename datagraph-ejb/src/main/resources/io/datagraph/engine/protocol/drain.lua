-- An element-wise processor is done once its input is complete and every unit of it was committed:
-- then this completes its outputs and advances the run, exactly once (any idle worker may ask).
-- Called by Scripts.drain. KEYS[1] meta, KEYS[2 .. 1+S] every stream of the run, KEYS[2+S ..] the run's
-- other keys. ARGV[1..8] channel, run id, processor, partition, input, this node (it schedules the next
-- partition), the processors it runs itself, output count K; then K outputs;
-- then the names of KEYS[2 .. 1+S]
-- Returns {status, next partition or -1}: {WORKING, -1} while units are left, {DONE, -1} if another
-- worker finished it, else what finish_processor() returns. uses finish_processor() from finish_lib
local channel, runId, processor, partition, input, driver, driven, k = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5],
  ARGV[6], ARGV[7], tonumber(ARGV[8])
local m = redis.call('HMGET', KEYS[1], 'status', 'closed:' .. input, 'units:' .. processor, 'done:' .. processor)
if m[1] ~= 'RUNNING' then
  return {m[1] or 'UNKNOWN', -1}
end
if not m[2] or m[3] ~= m[4] then
  return {'WORKING', -1}
end
if redis.call('HSETNX', KEYS[1], 'drained:' .. processor, '1') == 0 then
  return {'DONE', -1}
end
local keyOf = {}
for i = 9 + k, #ARGV do
  keyOf[ARGV[i]] = KEYS[i - 7 - k]
end
local outputs = {}
for i = 9, 8 + k do
  table.insert(outputs, ARGV[i])
end
return finish_processor(KEYS[1], processor, partition, outputs, keyOf, KEYS, channel, runId, driver, driven)
