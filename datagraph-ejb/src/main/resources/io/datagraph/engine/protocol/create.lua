-- Creates a run.
-- Called by Scripts.create. KEYS[1] meta, KEYS[2..] the streams of the inputs given values or left open
-- ARGV[1] plan (JSON), ARGV[2] ttl seconds, ARGV[3] who started the run ('' if nobody in particular),
-- ARGV[4] partition count P, ARGV[5 .. 4+P] processors per partition, ARGV[5+P] reader count R,
-- then R pairs (stream, comma-separated readers),
-- then the count T of streams to trim once consumed, and their names,
-- then per input stream: name, 1 to complete it now (0: leave it open), chunk count C,
-- then C triples (value count, payload, signature or '')
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('run already exists')
end
local plan, ttl, startedBy, partitions = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local now = redis.call('TIME')
redis.call('HSET', KEYS[1], 'status', 'RUNNING', 'plan', plan, 'ttl', ttl,
  'partition', 0, 'partitions', partitions, 'started', now[1] * 1000 + math.floor(now[2] / 1000))
if startedBy ~= '' then
  redis.call('HSET', KEYS[1], 'startedBy', startedBy)
end
for p = 0, partitions - 1 do
  redis.call('HSET', KEYS[1], 'remaining:' .. p, ARGV[5 + p])
end
local a = 5 + partitions
local readers = tonumber(ARGV[a])
for r = 1, readers do
  redis.call('HSET', KEYS[1], 'readers:' .. ARGV[a + 2 * r - 1], ARGV[a + 2 * r])
end
a = a + 1 + 2 * readers
local trimmable = tonumber(ARGV[a])
for t = 1, trimmable do
  redis.call('HSET', KEYS[1], 'trim:' .. ARGV[a + t], '1')
end
a = a + 1 + trimmable
for k = 2, #KEYS do
  local name = ARGV[a]
  local complete = ARGV[a + 1] == '1'
  local chunks = tonumber(ARGV[a + 2])
  a = a + 3
  local total = 0
  for c = 1, chunks do
    if ARGV[a + 2] == '' then
      redis.call('XADD', KEYS[k], '*', 'n', ARGV[a], 'v', ARGV[a + 1])
    else
      redis.call('XADD', KEYS[k], '*', 'n', ARGV[a], 'v', ARGV[a + 1], 's', ARGV[a + 2])
    end
    total = total + tonumber(ARGV[a])
    a = a + 3
  end
  redis.call('HSET', KEYS[1], 'count:' .. name, total)
  if complete then
    redis.call('XADD', KEYS[k], '*', 'end', '1')
    redis.call('HSET', KEYS[1], 'closed:' .. name, '1')
  end
end
return 'OK'
