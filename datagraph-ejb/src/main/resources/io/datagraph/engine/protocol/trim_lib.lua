-- trim(meta, key, stream): drop the entries of a trimmable stream that every one of its readers has
-- consumed: below the oldest pos:<stream>:<reader> (a reader without one holds everything). Records
-- the trim point in trimmed:<stream>. uses before() from ids_lib
local function trim(meta, key, stream)
  if redis.call('HEXISTS', meta, 'trim:' .. stream) == 0 then
    return
  end
  local oldest = nil
  for other in string.gmatch(redis.call('HGET', meta, 'readers:' .. stream) or '', '[^,]+') do
    local position = redis.call('HGET', meta, 'pos:' .. stream .. ':' .. other)
    if not position then
      return
    end
    if not oldest or before(position, oldest) then
      oldest = position
    end
  end
  if oldest then
    redis.call('XTRIM', key, 'MINID', oldest)
    redis.call('HSET', meta, 'trimmed:' .. stream, oldest)
  end
end
