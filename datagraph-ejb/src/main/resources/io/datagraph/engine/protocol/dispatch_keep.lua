-- A node keeps the dispatched invocations it runs fresh, so that no other node takes them over while it
-- works: each entry it still owns gets its idle time reset (XCLAIM JUSTID does not count a delivery).
-- An entry another node took over meanwhile (this node stalled past the takeover) is left alone:
-- a plain XCLAIM would take it back from the new owner.
-- Called by Scripts.dispatchKeep. KEYS[1] the dispatch stream; ARGV: group, consumer, then entry ids
-- Returns the ids of the entries the node no longer owns.
local group, consumer = ARGV[1], ARGV[2]
local lost = {}
for i = 3, #ARGV do
  local pending = redis.call('XPENDING', KEYS[1], group, ARGV[i], ARGV[i], 1)
  if pending[1] and pending[1][2] == consumer then
    redis.call('XCLAIM', KEYS[1], group, consumer, 0, ARGV[i], 'JUSTID')
  else
    table.insert(lost, ARGV[i])
  end
end
return lost
