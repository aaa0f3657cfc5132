-- Creates a dispatch stream (if need be) and its consumer group, unless the group exists.
-- Called by Scripts.ensureGroup. KEYS[1] the dispatch stream. Returns 1 if created, 0 if it existed.
-- A script rather than Redisson's createGroup: the client retries the BUSYGROUP error of an existing
-- group for seconds per stream, which held a restarted node's dispatch loop for minutes.
local group = ARGV[1]
local reply = redis.pcall('XGROUP', 'CREATE', KEYS[1], group, '0', 'MKSTREAM')
if type(reply) == 'table' and reply.err then
  if string.find(reply.err, 'BUSYGROUP', 1, true) then
    return 0
  end
  return reply
end
return 1
