-- append_entry(meta, streamKey, stream, sequence, count, payload, signature, workKeys): adds one entry of
-- `count` values to a stream, splits it into the work units of the element-wise processors reading it
-- (workKeys, as split() takes them) and counts it; unless `sequence` (> 0) is not newer than the stream's
-- last, which makes a command retried after a lost reply append nothing (sequence 0: not deduplicated).
-- Returns whether it appended. Uses split() from split_lib and sample() from rates_lib.
local function append_entry(meta, streamKey, stream, sequence, count, payload, signature, workKeys)
  if sequence > 0 then
    local last = tonumber(redis.call('HGET', meta, 'seq:' .. stream) or '0')
    if sequence <= last then
      return false
    end
    redis.call('HSET', meta, 'seq:' .. stream, sequence)
  end
  local entryId
  if signature == '' then
    entryId = redis.call('XADD', streamKey, '*', 'n', count, 'v', payload)
  else
    entryId = redis.call('XADD', streamKey, '*', 'n', count, 'v', payload, 's', signature)
  end
  split(meta, entryId, tonumber(count), workKeys)
  sample(meta, 'w:' .. stream .. ':', redis.call('HINCRBY', meta, 'count:' .. stream, count))
  return true
end
