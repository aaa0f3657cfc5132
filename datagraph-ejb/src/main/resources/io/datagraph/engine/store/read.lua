-- Reads entries of a stream from a position, with the run's status, in one round trip.
-- KEYS[1] meta, KEYS[2] stream
-- ARGV[1] XRANGE start: '-', '(<id>' after an entry, or '<id>' from an entry; ARGV[2] most entries to return;
-- ARGV[3] the reading processor ('' for others), ARGV[4] values it has taken so far, ARGV[5] the stream's name
-- Returns {status or '', failed processor or '', error or '', entries}
-- uses sample() and before(), which Script prepends from rates_lib.lua and ids_lib.lua
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
local entries = {}
if m[1] == 'RUNNING' and ARGV[3] ~= '' then
  local field = 'read:' .. ARGV[5] .. ':' .. ARGV[3]
  redis.call('HSET', KEYS[1], field, ARGV[4])
  sample(KEYS[1], 'r:' .. ARGV[5] .. ':' .. ARGV[3] .. ':', tonumber(ARGV[4]))
  -- a processor fetches only once it has taken every value before its position: entries up to there
  -- are consumed by it; once every reader has consumed them, a trimmable stream drops them
  if string.sub(ARGV[1], 1, 1) == '(' and redis.call('HEXISTS', KEYS[1], 'trim:' .. ARGV[5]) == 1 then
    redis.call('HSET', KEYS[1], 'pos:' .. ARGV[5] .. ':' .. ARGV[3], string.sub(ARGV[1], 2))
    local oldest = nil
    for reader in string.gmatch(redis.call('HGET', KEYS[1], 'readers:' .. ARGV[5]) or '', '[^,]+') do
      local position = redis.call('HGET', KEYS[1], 'pos:' .. ARGV[5] .. ':' .. reader)
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
      redis.call('HSET', KEYS[1], 'trimmed:' .. ARGV[5], oldest)
    end
  end
end
-- a trimmed stream cannot be read from before its trim point
local trimmed = redis.call('HGET', KEYS[1], 'trimmed:' .. ARGV[5])
if trimmed and (ARGV[1] == '-' or before(string.gsub(ARGV[1], '^%(', ''), trimmed)) then
  return {'TRIMMED', '', trimmed, {}}
end
if m[1] == 'RUNNING' or m[1] == 'COMPLETED' then
  entries = redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', ARGV[2])
end
return {m[1] or '', m[2] or '', m[3] or '', entries}
