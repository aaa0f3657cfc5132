-- backlog(meta, io): {values written but not yet read by the slowest running reader, that reader's
-- position}; {0, -1} when no reader of the stream is running. Readers that have not started (their
-- partition is not due) or have ended are not waited for: a producer must never wait on them.
local function backlog(meta, io)
  local readers = redis.call('HGET', meta, 'readers:' .. io)
  if not readers or readers == '' then
    return {0, -1}
  end
  local slowest = -1
  for reader in string.gmatch(readers, '[^,]+') do
    if redis.call('HGET', meta, 'phase:' .. reader) == 'RUNNING' then
      local read = tonumber(redis.call('HGET', meta, 'read:' .. io .. ':' .. reader) or '0')
      if slowest < 0 or read < slowest then
        slowest = read
      end
    end
  end
  if slowest < 0 then
    return {0, -1}
  end
  return {tonumber(redis.call('HGET', meta, 'count:' .. io) or '0') - slowest, slowest}
end
