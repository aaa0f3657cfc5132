-- Completes one stream: appends its end marker once.
-- Called by Scripts.close. KEYS[1] meta, KEYS[2] stream
-- Returns {OK, '', ''}, or why not, as append.lua. Uses refused() from refused_lib.
local stream, writer, channel, runId = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local refusal = refused(KEYS[1], writer)
if refusal then
  return refusal
end
if redis.call('HSETNX', KEYS[1], 'closed:' .. stream, '1') == 1 then
  redis.call('XADD', KEYS[2], '*', 'end', '1')
  redis.call('PUBLISH', channel, runId .. '\n' .. stream)
end
return {'OK', '', ''}
