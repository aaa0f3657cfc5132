-- How far the running readers of a stream lag behind its writer (see backlog_lib.lua).
-- Called by Scripts.backlog. KEYS[1] meta. Returns {backlog, slowest running reader's position or -1}.
local stream = ARGV[1]
return backlog(KEYS[1], stream)
