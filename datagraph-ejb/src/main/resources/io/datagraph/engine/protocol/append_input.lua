-- Appends the values of one API call (Run.append, POST …/inputs/<name>) to an open input: every entry of
-- the call or, when refused, none; and once per key: a key already taken appends nothing and succeeds,
-- even once the input is complete, so a caller that lost the reply may repeat the call.
-- Called by Scripts.appendInput. KEYS[1] meta, KEYS[2] the input's stream, KEYS[3] the run's appended keys,
-- KEYS[4..] the work streams of the element-wise processors reading it
-- ARGV[1] input, ARGV[2] key, ARGV[3] channel, ARGV[4] run id, ARGV[5] entry count C, then C triples
-- (value count, payload, signature or ''), then the names of the element-wise processors of KEYS[4..]
-- Returns {OK, '', ''}, or why nothing was written: {run status or UNKNOWN, failed processor, error} or
-- {CLOSED, '', ''}. uses refused() and append_entry(), which Script prepends from rates_lib, fence_lib,
-- refused_lib, split_lib and append_lib
local input, key, channel, runId, entries = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local field = input .. ':' .. key
if redis.call('HEXISTS', KEYS[3], field) == 1 then
  return {'OK', '', ''}
end
local refusal = refused(KEYS[1], '')
if refusal then
  return refusal
end
if redis.call('HEXISTS', KEYS[1], 'closed:' .. input) == 1 then
  return {'CLOSED', '', ''}
end
local names = 6 + 3 * entries
local workKeys = {}
for i = 4, #KEYS do
  table.insert(workKeys, {ARGV[names + i - 4], KEYS[i]})
end
for e = 0, entries - 1 do
  local a = 6 + 3 * e
  append_entry(KEYS[1], KEYS[2], input, 0, ARGV[a], ARGV[a + 1], ARGV[a + 2], workKeys)
end
redis.call('HSET', KEYS[3], field, '1')
redis.call('PUBLISH', channel, runId .. '\n' .. input)
return {'OK', '', ''}
