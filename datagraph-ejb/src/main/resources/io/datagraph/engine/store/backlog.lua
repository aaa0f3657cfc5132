-- How far the readers of a stream lag behind its writer (see backlog_lib.lua).
-- KEYS[1] meta; ARGV[1] the stream's name. Returns {backlog, slowest running reader's position or -1}.
return backlog(KEYS[1], ARGV[1])
