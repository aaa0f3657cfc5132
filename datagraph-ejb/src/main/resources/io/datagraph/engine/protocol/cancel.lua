-- Cancels a running run: its streams are deleted at once, its status kept for the TTL.
-- Called by Scripts.cancel. KEYS[1] meta, KEYS[2..] every stream of the run
-- Returns {the status before the call (UNKNOWN when there is no such run), how long the run ran (ms) if
-- this call cancelled it, else -1}. Processors still running are STOPPED. uses stop_running() from
-- stop_lib, mark_ended() from ended_lib
local channel, runId = ARGV[1], ARGV[2]
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'RUNNING' then
  return {status or 'UNKNOWN', -1}
end
stop_running(KEYS[1], '')
local ran = mark_ended(KEYS[1], 'CANCELLED')
for i = 2, #KEYS do
  redis.call('DEL', KEYS[i])
end
redis.call('EXPIRE', KEYS[1], redis.call('HGET', KEYS[1], 'ttl'))
redis.call('PUBLISH', channel, runId .. '!CANCELLED!' .. (redis.call('HGET', KEYS[1], 'epoch') or '0'))
return {status, ran}
