local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then
  local b, a, t = string.match(prior, '^%u+|(%d+)|(%d+)|[^|]*|[^|]*|(%d+)$')
  return '1|' .. b .. '|' .. a .. '|' .. t
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
local after = redis.call('DECRBY', KEYS[1], q)
local now = redis.call('TIME')
local ba = stock .. '|' .. after
local ts = tostring(now[1] * 1000 + math.floor(now[2] / 1000))
redis.call('HSET', KEYS[2], ARGV[1], 'DEDUCT|' .. ba .. '|-' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. ts,
  ARGV[4], ARGV[1])
return '0|' .. ba .. '|' .. ts
