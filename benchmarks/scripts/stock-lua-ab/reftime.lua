if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return 1
end
local stock = tonumber(redis.call('GET', KEYS[1]))
local after = redis.call('DECRBY', KEYS[1], ARGV[2])
local now = redis.call('TIME')
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 0
