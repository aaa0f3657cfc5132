-- A worker of an element-wise processor commits the units it claimed, atomically: their results
-- appended to the outputs, failing values scheduled again (retries) or recorded (dead letters), and
-- the units acknowledged. Fenced per unit: a unit another worker has taken over since (its owner or
-- delivery count changed) refuses the whole commit, so no result is written twice.
-- Called by Scripts.commit. KEYS[1] meta, KEYS[2] work stream, KEYS[3] dead-letter stream,
-- KEYS[4 .. 3+K] the processor's K outputs
-- ARGV: processor, consumer, input, channel, run id, U, then U pairs (unit id, deliveries), values done,
-- then per output: name, value count, payload, signature; then R and R retries (entry id, index,
-- attempt, not before ms); then D and D dead letters (value, error, attempts, node, time)
-- Returns {OK, '', ''}, {STOLEN, unit id, ''}, or the run's status as append.lua.
-- uses sample() from rates_lib
local processor, consumer, input, channel, runId = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local m = redis.call('HMGET', KEYS[1], 'status', 'failedProcessor', 'error')
if m[1] ~= 'RUNNING' then
  return {m[1] or 'UNKNOWN', m[2] or '', m[3] or ''}
end
local u = tonumber(ARGV[6])
local ids = {}
for i = 1, u do
  local id, deliveries = ARGV[5 + 2 * i], ARGV[6 + 2 * i]
  local pending = redis.call('XPENDING', KEYS[2], 'workers', id, id, 1)
  if not pending[1] or pending[1][2] ~= consumer or tostring(pending[1][4]) ~= deliveries then
    return {'STOLEN', id, ''}
  end
  table.insert(ids, id)
end
local a = 7 + 2 * u
local valuesDone = tonumber(ARGV[a])
a = a + 1
for k = 4, #KEYS do
  local name, count, payload, signature = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 2], ARGV[a + 3]
  a = a + 4
  if count > 0 then
    if signature == '' then
      redis.call('XADD', KEYS[k], '*', 'n', count, 'v', payload)
    else
      redis.call('XADD', KEYS[k], '*', 'n', count, 'v', payload, 's', signature)
    end
    sample(KEYS[1], 'w:' .. name .. ':', redis.call('HINCRBY', KEYS[1], 'count:' .. name, count))
  end
end
local retries = tonumber(ARGV[a])
for r = 1, retries do
  local b = a + 4 * (r - 1)
  redis.call('XADD', KEYS[2], '*', 'e', ARGV[b + 1], 'a', ARGV[b + 2], 'b', tonumber(ARGV[b + 2]) + 1,
    'r', ARGV[b + 3], 't', ARGV[b + 4])
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
redis.call('HINCRBY', KEYS[1], 'read:' .. input .. ':' .. processor, valuesDone)
redis.call('PUBLISH', channel, runId)
return {'OK', '', ''}
