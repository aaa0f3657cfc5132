-- Reads entries of a stream from a position, with the run's status, in one round trip.
-- KEYS[1] meta, KEYS[2] stream
-- ARGV[1] XRANGE start: '-', '(<id>' after an entry, or '<id>' from an entry; ARGV[2] most entries to return
-- Returns {status or '', failed processor or '', error or '', entries}
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
local entries = {}
if m[1] == 'RUNNING' or m[1] == 'COMPLETED' then
  entries = redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', ARGV[2])
end
return {m[1] or '', m[2] or '', m[3] or '', entries}
