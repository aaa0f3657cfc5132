-- Appends one batch of values to a stream.
-- KEYS[1] meta, KEYS[2] stream
-- ARGV[1] stream name, ARGV[2] the writer's batch sequence number (1, 2, ...; 0: not deduplicated),
-- ARGV[3] value count,
-- ARGV[4] payload, ARGV[5] signal channel, ARGV[6] run id, ARGV[7] writer ('<processor>#<attempt>' or ''),
-- ARGV[8] the payload's signature ('' when signing is off)
-- Returns {OK, '', '', backlog, position}: the values its slowest running reader has not read yet, and
-- that reader's position (-1: none running); or why
-- nothing was written: {status or UNKNOWN or CLOSED, failed processor, error}.
-- uses sample(), backlog() and fenced(), which Script prepends from rates_lib, backlog_lib and fence_lib
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
if m[1] ~= 'RUNNING' then
  return {m[1] or 'UNKNOWN', m[2] or '', m[3] or ''}
end
if fenced(KEYS[1], ARGV[7]) then
  return {'SUPERSEDED', '', ''}
end
if redis.call('HEXISTS', KEYS[1], 'closed:' .. ARGV[1]) == 1 then
  return {'CLOSED', '', ''}
end
-- a command retried after a lost reply must not append its batch twice
local seq = tonumber(ARGV[2])
if seq > 0 then
  local last = tonumber(redis.call('HGET', KEYS[1], 'seq:' .. ARGV[1]) or '0')
  if seq <= last then
    return {'OK', '', ''}
  end
  redis.call('HSET', KEYS[1], 'seq:' .. ARGV[1], seq)
end
if ARGV[8] == '' then
  redis.call('XADD', KEYS[2], '*', 'n', ARGV[3], 'v', ARGV[4])
else
  redis.call('XADD', KEYS[2], '*', 'n', ARGV[3], 'v', ARGV[4], 's', ARGV[8])
end
sample(KEYS[1], 'w:' .. ARGV[1] .. ':', redis.call('HINCRBY', KEYS[1], 'count:' .. ARGV[1], ARGV[3]))
redis.call('PUBLISH', ARGV[5], ARGV[6])
local lag = backlog(KEYS[1], ARGV[1])
return {'OK', '', '', lag[1], lag[2]}
