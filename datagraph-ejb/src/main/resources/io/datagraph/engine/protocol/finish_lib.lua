-- finish_processor(meta, processor, partition, outputs, keyOf, allKeys, channel, runId, driver, driven): a
-- processor is done: complete its outputs (end markers, once), count it done in its partition, and when the
-- partition is done advance to the next one, which the calling node (driver, running driven itself)
-- schedules, or complete the run (its keys then expire).
-- Returns {status, next partition to start or -1, ms the run ran if this call completed it, else -1}.
-- uses mark_ended() from ended_lib
local function finish_processor(meta, processor, partition, outputs, keyOf, allKeys, channel, runId, driver, driven)
  redis.call('HSET', meta, 'phase:' .. processor, 'DONE')
  for _, name in ipairs(outputs) do
    if redis.call('HSETNX', meta, 'closed:' .. name, '1') == 1 then
      redis.call('XADD', keyOf[name], '*', 'end', '1')
    end
  end
  local status = 'RUNNING'
  local nextPartition = -1
  local ran = -1
  -- while the run goes on, the signal names the streams written (SignalMessage)
  local signal = #outputs > 0 and (runId .. '\n' .. table.concat(outputs, '\n')) or runId
  if redis.call('HINCRBY', meta, 'remaining:' .. partition, -1) == 0 then
    local p = tonumber(partition) + 1
    if p < tonumber(redis.call('HGET', meta, 'partitions')) then
      redis.call('HSET', meta, 'partition', p, 'driver', driver, 'driven', driven)
      nextPartition = p
    else
      ran = mark_ended(meta, 'COMPLETED')
      status = 'COMPLETED'
      signal = runId .. '!COMPLETED'
      local ttl = redis.call('HGET', meta, 'ttl')
      for _, key in ipairs(allKeys) do
        redis.call('EXPIRE', key, ttl)
      end
    end
  end
  redis.call('PUBLISH', channel, signal)
  return {status, nextPartition, ran}
end
