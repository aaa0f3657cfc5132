-- A worker keeps its claimed units fresh, so that no other worker reclaims them while it works: each
-- unit it still owns, with the delivery count it claimed, gets its idle time reset (XCLAIM JUSTID does
-- not count a delivery). A unit taken over meanwhile is left alone.
-- Called by Scripts.keepAlive. KEYS[1] the work stream; ARGV: consumer, then pairs (unit id, deliveries)
-- Returns the ids of the units the worker no longer owns.
local consumer = ARGV[1]
local lost = {}
for i = 2, #ARGV, 2 do
  local id, deliveries = ARGV[i], ARGV[i + 1]
  local pending = redis.call('XPENDING', KEYS[1], 'workers', id, id, 1)
  if pending[1] and pending[1][2] == consumer and tostring(pending[1][4]) == deliveries then
    redis.call('XCLAIM', KEYS[1], 'workers', consumer, 0, id, 'JUSTID')
  else
    table.insert(lost, id)
  end
end
return lost
