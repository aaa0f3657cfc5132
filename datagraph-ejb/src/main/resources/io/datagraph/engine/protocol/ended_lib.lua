-- mark_ended(meta, status): the run ends now with status: its status and store-time end ('finished', ms)
-- are written. Returns how long it ran in ms (end minus 'started'), for the ending node's metrics.
local function mark_ended(meta, status)
  local now = redis.call('TIME')
  local finished = now[1] * 1000 + math.floor(now[2] / 1000)
  redis.call('HSET', meta, 'status', status, 'finished', finished)
  return finished - (tonumber(redis.call('HGET', meta, 'started')) or finished)
end
