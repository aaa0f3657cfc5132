-- fenced(meta, writer): whether writer ('<processor>#<attempt>', or '' for writers outside any
-- processor) may still write: a processor's newer attempt supersedes an older one's writes.
local function fenced(meta, writer)
  if writer == '' then
    return false
  end
  local processor, attempt = string.match(writer, '^(.*)#(%d+)$')
  return redis.call('HGET', meta, 'attempt:' .. processor) ~= attempt
end
