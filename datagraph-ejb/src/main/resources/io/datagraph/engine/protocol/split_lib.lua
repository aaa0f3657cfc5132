-- split(meta, entryId, count, workKeys): an entry of `count` values was added to a stream read by
-- element-wise processors: add to each one's work stream (workKeys, one per processor, as
-- {processor, key}) the units of at most unit:<processor> values it is claimed in, each a reference
-- {e = entry id, a = first index, b = index after the last, q = its place in the processor's input,
-- 1, 2, … from order:<processor>}, and count them in units:<processor>. The entry is then referenced by
-- that many outstanding units (ref:<processor>:<entry id>), and is the last split (split:<processor>):
-- trimming keeps every entry still referenced (see commit.lua).
local function split(meta, entryId, count, workKeys)
  for _, work in ipairs(workKeys) do
    local unit = tonumber(redis.call('HGET', meta, 'unit:' .. work[1]) or '8')
    local units = math.ceil(count / unit)
    local q = redis.call('HINCRBY', meta, 'order:' .. work[1], units) - units
    for from = 0, count - 1, unit do
      q = q + 1
      redis.call('XADD', work[2], '*', 'e', entryId, 'a', from, 'b', math.min(from + unit, count), 'q', q)
    end
    redis.call('HINCRBY', meta, 'units:' .. work[1], units)
    if units > 0 then
      redis.call('HINCRBY', meta, 'ref:' .. work[1] .. ':' .. entryId, units)
      redis.call('HSET', meta, 'split:' .. work[1], entryId)
    end
  end
end
