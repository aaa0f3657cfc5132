-- Reads entries of a stream from a position, with the run's status, in one round trip.
-- Called by Scripts.read. KEYS[1] meta, KEYS[2] stream
-- Returns {status or '', failed processor or '', error or '', entries} (see read_stream in read_lib)
local start, limit, reader, taken, stream, consumed = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
return read_stream(KEYS[1], KEYS[2], stream, start, limit, reader, taken, consumed)
