local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then
  local b, a, t = string.match(prior, '^%u+|(%d+)|(%d+)|[^|]*|[^|]*|(%d+)$')
  return '1|' .. b .. '|' .. a .. '|' .. t
end
local raw = redis.call('GET', KEYS[1])
if not raw then
  return '2|-1|-1|0'
end
local stock = tonumber(raw)
if not stock or stock < 0 or stock > 99999999999999 then
  return '4|-1|-1|0'
end
local q = tonumber(ARGV[2])
if stock < q then
  if raw ~= '0' and not string.find(raw, '^[1-9]%d*$') then
    return '4|-1|-1|0'
  end
  return '3|' .. raw .. '|' .. raw .. '|0'
end
local after = redis.pcall('DECRBY', KEYS[1], q)
if type(after) ~= 'number' then
  if string.find(after.err, 'not an integer', 1, true) then
    return '4|-1|-1|0'
  end
  return after
end
local now = redis.call('TIME')
local ba = raw .. '|' .. after
local ts = tostring(now[1] * 1000 + math.floor(now[2] / 1000))
redis.call('HSET', KEYS[2], ARGV[1], 'DEDUCT|' .. ba .. '|-' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. ts,
  ARGV[4], ARGV[1])
return '0|' .. ba .. '|' .. ts
