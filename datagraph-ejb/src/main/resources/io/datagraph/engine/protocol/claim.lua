-- A worker of an element-wise processor claims up to `count` units of its work stream: first units
-- whose worker went silent for `lease` ms (XAUTOCLAIM: another delivery), then units never delivered.
-- Each claim is fenced by its owner and delivery count (see commit.lua). For an ordered processor
-- (window > 0), no unit is handed out more than `window` places after the first result not yet
-- released (released:<processor>), so results held back for order stay bounded.
-- Called by Scripts.claim. KEYS[1] meta, KEYS[2] the processor's work stream, KEYS[3] its input stream
-- Returns {status, failed processor, error, units, entries}; a unit is {unit id, deliveries, entry id, first
-- index, index after the last, attempt, not before (ms), place}, and entries holds each input entry the units
-- refer to once, as {entry id, fields}. No units unless the run is RUNNING.
local consumer, count, lease, window, processor = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]), ARGV[5]
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
if m[1] ~= 'RUNNING' then
  return {m[1] or 'UNKNOWN', m[2] or '', m[3] or '', {}, {}}
end
local claimed = {}
local reclaimed = redis.call('XAUTOCLAIM', KEYS[2], 'workers', consumer, lease, '0-0', 'COUNT', count)
for _, entry in ipairs(reclaimed[2]) do
  if entry and entry[2] then
    local pending = redis.call('XPENDING', KEYS[2], 'workers', entry[1], entry[1], 1)
    table.insert(claimed, {entry[1], pending[1][4], entry[2]})
  end
end
local wanted = count - #claimed
if window > 0 then
  local released = tonumber(redis.call('HGET', KEYS[1], 'released:' .. processor) or '1')
  local delivered = tonumber(redis.call('HGET', KEYS[1], 'delivered:' .. processor) or '0')
  wanted = math.min(wanted, released + window - 1 - delivered)
end
if wanted > 0 then
  local fresh = redis.call('XREADGROUP', 'GROUP', 'workers', consumer, 'COUNT', wanted, 'STREAMS', KEYS[2], '>')
  if fresh then
    for _, entry in ipairs(fresh[1][2]) do
      table.insert(claimed, {entry[1], 1, entry[2]})
      if window > 0 then
        for i = 1, #entry[2], 2 do
          if entry[2][i] == 'q' then
            redis.call('HSET', KEYS[1], 'delivered:' .. processor, entry[2][i + 1])
          end
        end
      end
    end
  end
end
local units = {}
local entries = {}
local seen = {}
for _, c in ipairs(claimed) do
  local f = {}
  for i = 1, #c[3], 2 do
    f[c[3][i]] = c[3][i + 1]
  end
  if not seen[f['e']] then
    seen[f['e']] = true
    local entry = redis.call('XRANGE', KEYS[3], f['e'], f['e'])
    table.insert(entries, {f['e'], entry[1] and entry[1][2] or {}})
  end
  table.insert(units, {c[1], c[2], f['e'], tonumber(f['a']), tonumber(f['b']), tonumber(f['r'] or '1'),
    tonumber(f['t'] or '0'), tonumber(f['q'] or '0')})
end
return {'RUNNING', '', '', units, entries}
