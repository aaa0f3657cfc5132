-- The store's identity: a random value the first node writes, that every node then reads. Should it
-- change or vanish, the store lost its data (restarted empty, flushed, replaced) and running runs with it.
-- Called by Scripts.marker. KEYS[1] the marker key. ARGV[1] a new value, written only if none is there.
-- Returns the marker's value.
local candidate = ARGV[1]
redis.call('SET', KEYS[1], candidate, 'NX')
return redis.call('GET', KEYS[1])
