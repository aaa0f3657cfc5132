-- Creates a run.
-- Called by Scripts.create. KEYS[1] meta, KEYS[2 .. 1+I] the I streams of the inputs given values or left
-- open, KEYS[2+I .. 1+I+E] the work streams of the run's E element-wise processors
-- ARGV[1] plan (JSON), ARGV[2] ttl seconds, ARGV[3] who started the run ('' if nobody in particular),
-- ARGV[4] the node starting it (it schedules partition 0), ARGV[5] the processors that node runs itself,
-- ARGV[6] partition count P, ARGV[7 .. 6+P] processors per partition, ARGV[7+P] reader count R,
-- then R pairs (stream, comma-separated readers),
-- then the count T of streams to trim once consumed, and their names,
-- then the count E of element-wise processors and E pairs (name, values per work unit),
-- then the count I of input streams, and per input stream: name, 1 to complete it now (0: leave it
-- open), chunk count C, then C triples (value count, payload, signature or ''), then the count W of
-- element-wise processors reading it and their positions (1..E) among the E; last, the fingerprint of the
-- request when it was started with an idempotency key ('' if not)
-- Returns 'OK'; for a run that exists already, 'EXISTS <its recorded fingerprint>' when started with a key
-- (the run id derives from the key: a concurrent duplicate created it), else an error.
-- uses split() from split_lib
local request = ARGV[#ARGV]
if redis.call('EXISTS', KEYS[1]) == 1 then
  if request ~= '' then
    return 'EXISTS ' .. (redis.call('HGET', KEYS[1], 'request') or '')
  end
  return redis.error_reply('run already exists')
end
local plan, ttl, startedBy, driver, driven, partitions = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local now = redis.call('TIME')
redis.call('HSET', KEYS[1], 'status', 'RUNNING', 'plan', plan, 'ttl', ttl,
  'partition', 0, 'partitions', partitions, 'driver', driver, 'driven', driven, 'started', now[1] * 1000 + math.floor(now[2] / 1000))
if startedBy ~= '' then
  redis.call('HSET', KEYS[1], 'startedBy', startedBy)
end
if request ~= '' then
  redis.call('HSET', KEYS[1], 'request', request)
end
for p = 0, partitions - 1 do
  redis.call('HSET', KEYS[1], 'remaining:' .. p, ARGV[7 + p])
end
local a = 7 + partitions
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
local elementWise = tonumber(ARGV[a])
local inputCount = tonumber(ARGV[a + 1 + 2 * elementWise])
local workOf = {}
for e = 1, elementWise do
  local key = KEYS[1 + inputCount + e]
  local name = ARGV[a - 1 + 2 * e]
  workOf[e] = {name, key}
  redis.call('XGROUP', 'CREATE', key, 'workers', '0', 'MKSTREAM')
  redis.call('HSET', KEYS[1], 'units:' .. name, 0, 'done:' .. name, 0, 'unit:' .. name, ARGV[a + 2 * e])
end
a = a + 2 + 2 * elementWise
for k = 2, 1 + inputCount do
  local name = ARGV[a]
  local complete = ARGV[a + 1] == '1'
  local chunks = tonumber(ARGV[a + 2])
  a = a + 3
  local entries = {}
  local total = 0
  for c = 1, chunks do
    local id
    if ARGV[a + 2] == '' then
      id = redis.call('XADD', KEYS[k], '*', 'n', ARGV[a], 'v', ARGV[a + 1])
    else
      id = redis.call('XADD', KEYS[k], '*', 'n', ARGV[a], 'v', ARGV[a + 1], 's', ARGV[a + 2])
    end
    table.insert(entries, {id, tonumber(ARGV[a])})
    total = total + tonumber(ARGV[a])
    a = a + 3
  end
  local workKeys = {}
  for w = 1, tonumber(ARGV[a]) do
    table.insert(workKeys, workOf[tonumber(ARGV[a + w])])
  end
  a = a + 1 + tonumber(ARGV[a])
  for _, entry in ipairs(entries) do
    split(KEYS[1], entry[1], entry[2], workKeys)
  end
  redis.call('HSET', KEYS[1], 'count:' .. name, total)
  if complete then
    redis.call('XADD', KEYS[k], '*', 'end', '1')
    redis.call('HSET', KEYS[1], 'closed:' .. name, '1')
  end
end
return 'OK'
