-- Reads entries of a stream from a position, with the run's status, in one round trip.
-- Called by Scripts.read. KEYS[1] meta, KEYS[2] stream
-- start: XRANGE start, '-', '(<id>' after an entry, or '<id>' from an entry; reader: the reading processor
-- ('' for others), taken: values it has taken so far (its progress, recorded)
-- Returns {status or '', failed processor or '', error or '', entries}
-- uses sample() and before(), which Script prepends from rates_lib.lua and ids_lib.lua
local start, limit, reader, taken, stream = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
local entries = {}
if m[1] == 'RUNNING' and reader ~= '' then
  local field = 'read:' .. stream .. ':' .. reader
  redis.call('HSET', KEYS[1], field, taken)
  sample(KEYS[1], 'r:' .. stream .. ':' .. reader .. ':', tonumber(taken))
  -- a processor fetches only once it has taken every value before its position: entries up to there
  -- are consumed by it; once every reader has consumed them, a trimmable stream drops them
  if string.sub(start, 1, 1) == '(' and redis.call('HEXISTS', KEYS[1], 'trim:' .. stream) == 1 then
    redis.call('HSET', KEYS[1], 'pos:' .. stream .. ':' .. reader, string.sub(start, 2))
    local oldest = nil
    for other in string.gmatch(redis.call('HGET', KEYS[1], 'readers:' .. stream) or '', '[^,]+') do
      local position = redis.call('HGET', KEYS[1], 'pos:' .. stream .. ':' .. other)
      if not position then
        oldest = nil
        break
      end
      if not oldest or before(position, oldest) then
        oldest = position
      end
    end
    if oldest then
      redis.call('XTRIM', KEYS[2], 'MINID', oldest)
      redis.call('HSET', KEYS[1], 'trimmed:' .. stream, oldest)
    end
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
