-- One page of the run history: walks one of its indexes (the most selective the query allows) from a
-- cursor, newest first, keeping the runs whose summary matches the query, until the page is full or a
-- budget of entries is spent; the caller checks each listed run against the run itself.
-- Called by Scripts.historyPage. KEYS[1] the index walked, KEYS[2] the summaries (as admit.lua)
-- ARGV[1] highest score ('+inf', or the cursor's), ARGV[2] the cursor's run id ('': none; entries of that
-- score with this id or a greater one were listed), ARGV[3] lowest score ('-inf' or since), ARGV[4] page
-- size, ARGV[5] budget of entries to examine, ARGV[6] status, ARGV[7] started by, ARGV[8] processor
-- (each '' for any)
-- Returns {1 when the index has no more entries else 0, last examined id, its score, then per listed run:
-- id, score, summary ('' if none)}
local max, after, min, limit, budget = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local status, startedBy, processor = ARGV[6], ARGV[7], ARGV[8]
local afterScore = tonumber(max)
local listed = {}
local count, examined, offset = 0, 0, 0
local lastId, lastScore = after, max
local function matches(summary)
  if not summary then
    return status == '' and startedBy == '' and processor == ''
  end
  local s, by, processors = string.match(summary, '^([^\t]*)\t([^\t]*)\t(.*)$')
  if status ~= '' and s ~= status then
    return false
  end
  if startedBy ~= '' and by ~= startedBy then
    return false
  end
  return processor == '' or string.find(',' .. processors .. ',', ',' .. processor .. ',', 1, true) ~= nil
end
while examined < budget do
  local chunk = redis.call('ZREVRANGEBYSCORE', KEYS[1], max, min, 'WITHSCORES', 'LIMIT', offset, 64)
  if #chunk == 0 then
    return {1, lastId, lastScore, unpack(listed)}
  end
  offset = offset + #chunk / 2
  for i = 1, #chunk, 2 do
    local id, score = chunk[i], chunk[i + 1]
    if not (after ~= '' and tonumber(score) == afterScore and id >= after) then
      examined = examined + 1
      lastId, lastScore = id, score
      local summary = redis.call('HGET', KEYS[2], id)
      if matches(summary) then
        table.insert(listed, id)
        table.insert(listed, score)
        table.insert(listed, summary or '')
        count = count + 1
        if count == limit then
          return {0, lastId, lastScore, unpack(listed)}
        end
      end
      if examined >= budget then
        return {0, lastId, lastScore, unpack(listed)}
      end
    end
  end
end
return {0, lastId, lastScore, unpack(listed)}
