-- Completes one stream: appends its end marker once.
-- Called by Scripts.close. KEYS[1] meta, KEYS[2] stream
-- Returns {OK, '', ''}, or why not, as append.lua. Uses fenced() from fence_lib.
local stream, writer, channel, runId = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
if m[1] ~= 'RUNNING' then
  return {m[1] or 'UNKNOWN', m[2] or '', m[3] or ''}
end
if fenced(KEYS[1], writer) then
  return {'SUPERSEDED', '', ''}
end
if redis.call('HSETNX', KEYS[1], 'closed:' .. stream, '1') == 1 then
  redis.call('XADD', KEYS[2], '*', 'end', '1')
  redis.call('PUBLISH', channel, runId)
end
return {'OK', '', ''}
