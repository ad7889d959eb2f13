-- One login check of Sa-Token 1.44, in one round trip (OneRoundTripStpLogic).
-- KEYS[1] token -> login id; KEYS[2] the token's activity stamp ("<ms>" or "<ms>,<active-timeout s>")
-- ARGV[1] now (ms, the application's clock, as Sa-Token uses); ARGV[2] active-timeout (s, -1 = none);
-- ARGV[3] "1" = dynamic active-timeout (the stamp may carry its own); ARGV[4] "1" = renew the stamp
-- Answers {} for an unknown token, else {login id, stamp or "", "1" when renewed else "0"}.
local id = redis.call('GET', KEYS[1])
if not id then
    return {}
end
local stamp = redis.call('GET', KEYS[2])
if not stamp then
    return {id, '', '0'}
end
-- Sa-Token's markers (NotLoginException.ABNORMAL_LIST): no renewal, the check refuses the token.
local abnormal = {['-1'] = true, ['-2'] = true, ['-3'] = true, ['-4'] = true, ['-5'] = true, ['-6'] = true, ['-7'] = true}
if ARGV[4] ~= '1' or abnormal[id] then
    return {id, stamp, '0'}
end
local comma = string.find(stamp, ',', 1, true)
local last = tonumber(comma and string.sub(stamp, 1, comma - 1) or stamp)
local own = comma and string.sub(stamp, comma + 1) or nil
local allowed = tonumber(ARGV[2])
if ARGV[3] == '1' and own and tonumber(own) then
    allowed = tonumber(own)
end
local now = tonumber(ARGV[1])
-- Idle too long (Sa-Token: allowed - floor(idle / 1000) < 0): frozen, never renewed.
if not last or (allowed ~= -1 and allowed - math.floor((now - last) / 1000) < 0) then
    return {id, stamp, '0'}
end
-- Sa-Token's update(): same value shape, the key's remaining TTL kept.
local value = ARGV[1]
if ARGV[3] == '1' and own then
    value = value .. ',' .. own
end
local ttl = redis.call('PTTL', KEYS[2])
if ttl == -1 then
    redis.call('SET', KEYS[2], value)
elseif ttl > 0 then
    redis.call('SET', KEYS[2], value, 'PX', ttl)
end
return {id, stamp, '1'}
