-- Samples a counter into a rate (values/s, smoothed over about a second), at most every 100 ms.
-- Fields: <prefix>c (count at the last sample), <prefix>t (its time, ms), <prefix>r (the rate).
local function sample(meta, prefix, count)
  local t = redis.call('TIME')
  local now = t[1] * 1000 + math.floor(t[2] / 1000)
  local last = redis.call('HMGET', meta, prefix .. 'c', prefix .. 't', prefix .. 'r')
  if not last[2] then
    redis.call('HSET', meta, prefix .. 'c', count, prefix .. 't', now, prefix .. 'r', '0')
    return
  end
  local dt = now - tonumber(last[2])
  if dt >= 100 then
    local rate = tonumber(last[3])
    local instant = (count - tonumber(last[1])) * 1000 / dt
    rate = rate + (instant - rate) * (1 - math.exp(-dt / 1000))
    redis.call('HSET', meta, prefix .. 'c', count, prefix .. 't', now, prefix .. 'r', tostring(rate))
  end
end
