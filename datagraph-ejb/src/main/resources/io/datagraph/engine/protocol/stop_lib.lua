-- stop_running(meta, except): the run ended badly: every processor still RUNNING (but `except`) is
-- STOPPED, so that a restart knows to run it again.
local function stop_running(meta, except)
  local fields = redis.call('HKEYS', meta)
  for _, field in ipairs(fields) do
    if string.sub(field, 1, 6) == 'phase:' and string.sub(field, 7) ~= except
        and redis.call('HGET', meta, field) == 'RUNNING' then
      redis.call('HSET', meta, field, 'STOPPED')
    end
  end
end
