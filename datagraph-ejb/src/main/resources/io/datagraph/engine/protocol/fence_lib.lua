-- fenced(meta, writer): whether the writer ('<processor>#<attempt>', see Attempt.writer) is fenced
-- off, i.e. may NOT write: a newer attempt of its processor has started. A writer outside any
-- processor ('': inputs appended or completed through the API) is never fenced.
local function fenced(meta, writer)
  if writer == '' then
    return false
  end
  local processor, attempt = string.match(writer, '^(.*)#(%d+)$')
  return redis.call('HGET', meta, 'attempt:' .. processor) ~= attempt
end
