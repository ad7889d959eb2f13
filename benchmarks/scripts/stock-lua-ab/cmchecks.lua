local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then
  return prior
end
local raw = redis.call('GET', KEYS[1])
if not raw then
  return '2|-1|-1|0'
end
if #raw > 14 or not string.find(raw, '^%d+$') then
  return '4|-1|-1|0'
end
local stock = tonumber(raw)
local q = tonumber(ARGV[2])
if stock < q then
  return '3|' .. stock .. '|' .. stock .. '|0'
end
local after = redis.call('DECRBY', KEYS[1], ARGV[2])
local now = redis.call('TIME')
redis.call('HSET', KEYS[2], ARGV[1], 'DEDUCT|' .. raw .. '|' .. after .. '|-' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. now[1] .. now[2])
return 0
