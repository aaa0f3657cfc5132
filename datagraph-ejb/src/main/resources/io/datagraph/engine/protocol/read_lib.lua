-- read_stream(meta, io, stream, start, limit, reader, taken, consumed): entries of a stream from a
-- position, with the run's status. start: XRANGE start, '-', '(<id>' after an entry, or '<id>' from an
-- entry; reader: the reading processor ('' for others), taken: values it has taken so far (its
-- progress, recorded); consumed: the last entry the reader has taken every value of ('' if none), which
-- may lie before start when it reads ahead.
-- Returns {status or '', failed processor or '', error or '', entries}
-- uses sample(), before() and trim() from rates_lib, ids_lib and trim_lib
local function read_stream(meta, io, stream, start, limit, reader, taken, consumed)
  local m = redis.call('HMGET', meta, 'status', 'failedProcessor', 'error')
  local entries = {}
  if m[1] == 'RUNNING' and reader ~= '' then
    local field = 'read:' .. stream .. ':' .. reader
    redis.call('HSET', meta, field, taken)
    sample(meta, 'r:' .. stream .. ':' .. reader .. ':', tonumber(taken))
    -- once every reader has consumed an entry, a trimmable stream drops it
    if consumed ~= '' and redis.call('HEXISTS', meta, 'trim:' .. stream) == 1 then
      redis.call('HSET', meta, 'pos:' .. stream .. ':' .. reader, consumed)
      trim(meta, io, stream)
    end
  end
  -- a trimmed stream cannot be read from before its trim point
  local trimmed = redis.call('HGET', meta, 'trimmed:' .. stream)
  if trimmed and (start == '-' or before(string.gsub(start, '^%(', ''), trimmed)) then
    return {'TRIMMED', '', trimmed, {}}
  end
  if m[1] == 'RUNNING' or m[1] == 'COMPLETED' then
    entries = redis.call('XRANGE', io, start, '+', 'COUNT', limit)
  end
  return {m[1] or '', m[2] or '', m[3] or '', entries}
end
