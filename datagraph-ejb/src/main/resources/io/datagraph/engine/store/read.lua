-- Reads entries of a stream from a position, with the run's status, in one round trip.
-- KEYS[1] meta, KEYS[2] stream
-- ARGV[1] XRANGE start: '-', '(<id>' after an entry, or '<id>' from an entry; ARGV[2] most entries to return;
-- ARGV[3] the reading processor ('' for others), ARGV[4] values it has taken so far, ARGV[5] the stream's name
-- Returns {status or '', failed processor or '', error or '', entries}
-- uses sample(), which Script prepends from rates_lib.lua
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
local entries = {}
if m[1] == 'RUNNING' and ARGV[3] ~= '' then
  local field = 'read:' .. ARGV[5] .. ':' .. ARGV[3]
  redis.call('HSET', KEYS[1], field, ARGV[4])
  sample(KEYS[1], 'r:' .. ARGV[5] .. ':' .. ARGV[3] .. ':', tonumber(ARGV[4]))
end
if m[1] == 'RUNNING' or m[1] == 'COMPLETED' then
  entries = redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', ARGV[2])
end
return {m[1] or '', m[2] or '', m[3] or '', entries}
