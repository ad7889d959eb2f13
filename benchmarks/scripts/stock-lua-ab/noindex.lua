local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then
  local r = cjson.decode(prior)
  return {1, r.before, r.after, r.ts}
end
local raw = redis.call('GET', KEYS[1])
if not raw then
  return {2, -1, -1, 0}
end
local stock = tonumber(raw)
if not stock then
  return {4, -1, -1, 0}
end
local q = tonumber(ARGV[2])
if stock < q then
  return {3, stock, stock, 0}
end
local after = redis.call('DECRBY', KEYS[1], q)
local now = redis.call('TIME')
local ts = now[1] * 1000 + math.floor(now[2] / 1000)
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode({type = 'DEDUCT', before = stock, after = after,
  delta = -q, identifier = ARGV[3], ts = ts}))
return {0, stock, after, ts}
