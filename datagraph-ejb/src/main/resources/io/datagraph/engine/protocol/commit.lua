-- A worker of an element-wise processor commits the units it claimed, atomically: their results
-- appended to the outputs, failing values scheduled again (retries) or recorded (dead letters), and
-- the units acknowledged. Fenced per unit: a unit another worker has taken over since (its owner or
-- delivery count changed) refuses the whole commit, so no result is written twice.
-- An ordered processor commits one unit at a time, at its place q: its results wait in the held hash
-- until every earlier place is committed, then go out in order.
-- Its units no longer hold their input entries: once no outstanding unit refers to an entry, the input
-- may drop it (if it is trimmable and every other reader consumed it too).
-- Called by Scripts.commit. KEYS[1] meta, KEYS[2] work stream, KEYS[3] dead-letter stream, KEYS[4] the
-- held results of an ordered processor, KEYS[5] the input stream, KEYS[6 .. 5+K] the processor's K outputs
-- ARGV: processor, consumer, input, channel, run id, place q (0: not ordered), U, then U triples
-- (unit id, deliveries, input entry id), values done,
-- then per output: name, value count, payload, signature; then R and R retries (entry id, index,
-- attempt, not before ms); then D and D dead letters (value, error, attempts, node, time)
-- Returns {OK, '', ''}, {STOLEN, unit id, ''}, or the run's status as append.lua.
-- uses sample() from rates_lib, before() from ids_lib, trim() from trim_lib
local processor, consumer, input, channel, runId, place = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5],
  tonumber(ARGV[6])
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
if m[1] ~= 'RUNNING' then
  return {m[1] or 'UNKNOWN', m[2] or '', m[3] or ''}
end
local u = tonumber(ARGV[7])
local ids = {}
local referenced = {}
for i = 1, u do
  local id, deliveries = ARGV[5 + 3 * i], ARGV[6 + 3 * i]
  table.insert(referenced, ARGV[7 + 3 * i])
  local pending = redis.call('XPENDING', KEYS[2], 'workers', id, id, 1)
  if not pending[1] or pending[1][2] ~= consumer or tostring(pending[1][4]) ~= deliveries then
    return {'STOLEN', id, ''}
  end
  table.insert(ids, id)
end
local a = 8 + 3 * u
local valuesDone = tonumber(ARGV[a])
a = a + 1
local function write(k, name, count, payload, signature)
  if count > 0 then
    if signature == '' then
      redis.call('XADD', KEYS[k], '*', 'n', count, 'v', payload)
    else
      redis.call('XADD', KEYS[k], '*', 'n', count, 'v', payload, 's', signature)
    end
    sample(KEYS[1], 'w:' .. name .. ':', redis.call('HINCRBY', KEYS[1], 'count:' .. name, count))
  end
end
for k = 6, #KEYS do
  local name, count, payload, signature = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 2], ARGV[a + 3]
  a = a + 4
  if place == 0 then
    write(k, name, count, payload, signature)
  else
    redis.call('HSET', KEYS[4], place .. ':' .. k .. ':n', count, place .. ':' .. k .. ':v', payload,
      place .. ':' .. k .. ':s', signature, place .. ':' .. k .. ':o', name)
  end
end
if place > 0 then
  redis.call('HSET', KEYS[4], place .. ':done', '1')
  local next = tonumber(redis.call('HGET', KEYS[1], 'released:' .. processor) or '1')
  while redis.call('HEXISTS', KEYS[4], next .. ':done') == 1 do
    for k = 6, #KEYS do
      local f = redis.call('HMGET', KEYS[4], next .. ':' .. k .. ':o', next .. ':' .. k .. ':n',
        next .. ':' .. k .. ':v', next .. ':' .. k .. ':s')
      write(k, f[1], tonumber(f[2]), f[3], f[4])
      redis.call('HDEL', KEYS[4], next .. ':' .. k .. ':o', next .. ':' .. k .. ':n', next .. ':' .. k .. ':v',
        next .. ':' .. k .. ':s')
    end
    redis.call('HDEL', KEYS[4], next .. ':done')
    next = next + 1
  end
  redis.call('HSET', KEYS[1], 'released:' .. processor, next)
end
local retries = tonumber(ARGV[a])
for r = 1, retries do
  local b = a + 4 * (r - 1)
  redis.call('XADD', KEYS[2], '*', 'e', ARGV[b + 1], 'a', ARGV[b + 2], 'b', tonumber(ARGV[b + 2]) + 1,
    'r', ARGV[b + 3], 't', ARGV[b + 4])
  redis.call('HINCRBY', KEYS[1], 'ref:' .. processor .. ':' .. ARGV[b + 1], 1)
end
redis.call('HINCRBY', KEYS[1], 'units:' .. processor, retries)
a = a + 1 + 4 * retries
local dead = tonumber(ARGV[a])
for d = 1, dead do
  local b = a + 5 * (d - 1)
  redis.call('XADD', KEYS[3], '*', 'processor', processor, 'value', ARGV[b + 1], 'error', ARGV[b + 2],
    'attempts', ARGV[b + 3], 'node', ARGV[b + 4], 'time', ARGV[b + 5])
end
if dead > 0 then
  redis.call('HINCRBY', KEYS[1], 'dead', dead)
  redis.call('HINCRBY', KEYS[1], 'dead:' .. processor, dead)
end
redis.call('XACK', KEYS[2], 'workers', unpack(ids))
redis.call('XDEL', KEYS[2], unpack(ids))
redis.call('HINCRBY', KEYS[1], 'done:' .. processor, u)
for _, entry in ipairs(referenced) do
  if redis.call('HINCRBY', KEYS[1], 'ref:' .. processor .. ':' .. entry, -1) <= 0 then
    redis.call('HDEL', KEYS[1], 'ref:' .. processor .. ':' .. entry)
  end
end
-- this processor's position in its input: the oldest entry an outstanding unit refers to, else the last split
local prefix = 'ref:' .. processor .. ':'
local oldest = nil
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(field, 1, #prefix) == prefix then
    local entry = string.sub(field, #prefix + 1)
    if not oldest or before(entry, oldest) then
      oldest = entry
    end
  end
end
oldest = oldest or redis.call('HGET', KEYS[1], 'split:' .. processor)
if oldest then
  redis.call('HSET', KEYS[1], 'pos:' .. input .. ':' .. processor, oldest)
  trim(KEYS[1], KEYS[5], input)
end
redis.call('HINCRBY', KEYS[1], 'read:' .. input .. ':' .. processor, valuesDone)
redis.call('PUBLISH', channel, runId)
return {'OK', '', ''}
