-- refused(meta, writer): why the writer may not write to the run now, as a reply — {run status or
-- UNKNOWN, failed processor, error} when the run is not running, {SUPERSEDED, '', ''} when a newer
-- attempt of its processor fenced it off — or nil when it may. Uses fenced() from fence_lib.
local function refused(meta, writer)
  local m = redis.call('HMGET', meta, 'status', 'failedProcessor', 'error')
  if m[1] ~= 'RUNNING' then
    return {m[1] or 'UNKNOWN', m[2] or '', m[3] or ''}
  end
  if fenced(meta, writer) then
    return {'SUPERSEDED', '', ''}
  end
  return nil
end
