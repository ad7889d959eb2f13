local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then
  return prior
end
local stock = redis.call('GET', KEYS[1])
local after = redis.call('DECRBY', KEYS[1], ARGV[2])
local now = redis.call('TIME')
redis.call('HSET', KEYS[2], ARGV[1], 'DEDUCT|' .. stock .. '|' .. after .. '|-' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. now[1] .. now[2])
return 0
