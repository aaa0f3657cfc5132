-- Completes one stream: appends its end marker once.
-- KEYS[1] meta, KEYS[2] stream; ARGV[1] stream name, ARGV[2] signal channel, ARGV[3] run id,
-- ARGV[4] writer ('<processor>#<attempt>' or ''); uses fenced() from fence_lib
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
if m[1] ~= 'RUNNING' then
  return {m[1] or 'UNKNOWN', m[2] or '', m[3] or ''}
end
if fenced(KEYS[1], ARGV[4]) then
  return {'SUPERSEDED', '', ''}
end
if redis.call('HSETNX', KEYS[1], 'closed:' .. ARGV[1], '1') == 1 then
  redis.call('XADD', KEYS[2], '*', 'end', '1')
  redis.call('PUBLISH', ARGV[2], ARGV[3])
end
return {'OK', '', ''}
