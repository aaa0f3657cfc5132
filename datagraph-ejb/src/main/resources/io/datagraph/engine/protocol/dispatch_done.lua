-- A dispatched invocation ended on the node that owns its entry: the entry is acknowledged and deleted,
-- so that a dispatch stream holds only the invocations not yet ended. A node that lost the entry
-- (another took it over while this one stalled) changes nothing: the new owner's run of it goes on.
-- Called by Scripts.dispatchDone. KEYS[1] the dispatch stream. Returns 1 if done, 0 if not the owner.
local group, consumer, id = ARGV[1], ARGV[2], ARGV[3]
local pending = redis.call('XPENDING', KEYS[1], group, id, id, 1)
if not pending[1] or pending[1][2] ~= consumer then
  return 0
end
redis.call('XACK', KEYS[1], group, id)
redis.call('XDEL', KEYS[1], id)
return 1
