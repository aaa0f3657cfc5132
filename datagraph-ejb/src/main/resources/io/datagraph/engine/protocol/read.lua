-- Reads entries of a stream from a position, with the run's status, in one round trip.
-- Called by Scripts.read. KEYS[1] meta, KEYS[2] stream
-- start: XRANGE start, '-', '(<id>' after an entry, or '<id>' from an entry; reader: the reading processor
-- ('' for others), taken: values it has taken so far (its progress, recorded); consumed: the last entry
-- the reader has taken every value of ('' if none), which may lie before start when it reads ahead
-- Returns {status or '', failed processor or '', error or '', entries}
-- uses sample(), before() and trim(), which Script prepends from rates_lib, ids_lib and trim_lib
local start, limit, reader, taken, stream, consumed = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
local entries = {}
if m[1] == 'RUNNING' and reader ~= '' then
  local field = 'read:' .. stream .. ':' .. reader
  redis.call('HSET', KEYS[1], field, taken)
  sample(KEYS[1], 'r:' .. stream .. ':' .. reader .. ':', tonumber(taken))
  -- once every reader has consumed an entry, a trimmable stream drops it
  if consumed ~= '' and redis.call('HEXISTS', KEYS[1], 'trim:' .. stream) == 1 then
    redis.call('HSET', KEYS[1], 'pos:' .. stream .. ':' .. reader, consumed)
    trim(KEYS[1], KEYS[2], stream)
  end
end
-- a trimmed stream cannot be read from before its trim point
local trimmed = redis.call('HGET', KEYS[1], 'trimmed:' .. stream)
if trimmed and (start == '-' or before(string.gsub(start, '^%(', ''), trimmed)) then
  return {'TRIMMED', '', trimmed, {}}
end
if m[1] == 'RUNNING' or m[1] == 'COMPLETED' then
  entries = redis.call('XRANGE', KEYS[2], start, '+', 'COUNT', limit)
end
return {m[1] or '', m[2] or '', m[3] or '', entries}
