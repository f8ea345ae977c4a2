/**
 * Lua run inside Redis: each is one atomic step, so no other instance can act between the
 * check and the change (the last call of a window goes to exactly one of them).
 */

/**
 * KEYS: stamps (sorted set, score = clock time), block (hash), pause (string), pending
 * (hash member -> admission time of calls not answered yet).
 * ARGV: now, member, keepMs, ttlMs, window count, then per window: from, inclusive (1/0),
 * count, windowMs, next (calendar day start, or -1 for a sliding window); last, how long
 * an unanswered call counts as pending (a crashed instance's call stops counting so).
 * A call still on its way may reach the server at any moment until it is answered: it
 * counts inside every window, not at its admission time (instances stall for seconds).
 * Returns {1, member, score, ...} once recorded, or {0, at, reason}.
 */
export const TAKE = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
local nw = tonumber(ARGV[5])
local pendingFor = tonumber(ARGV[6 + nw * 5])
local pending = {}
local raw = redis.call('HGETALL', KEYS[4])
for i = 1, #raw, 2 do
  local t = tonumber(raw[i + 1])
  if t < now - pendingFor then redis.call('HDEL', KEYS[4], raw[i]) else pending[#pending + 1] = t end
end
local pause = tonumber(redis.call('GET', KEYS[3]) or '0')
if pause > now then return {0, tostring(pause), 'pause'} end
local blocked = tonumber(redis.call('HGET', KEYS[2], 'until') or '0')
if blocked > now then return {0, tostring(blocked), redis.call('HGET', KEYS[2], 'reason') or 'block'} end
local best = nil
for i = 0, tonumber(ARGV[5]) - 1 do
  local b = 6 + i * 5
  local lo = ARGV[b]
  if ARGV[b + 1] ~= '1' then lo = '(' .. lo end
  local count = tonumber(ARGV[b + 2])
  local from = tonumber(ARGV[b])
  local used = redis.call('ZCOUNT', KEYS[1], lo, '+inf')
  local early = 0
  for _, t in ipairs(pending) do
    if t < from or (t == from and ARGV[b + 1] ~= '1') then early = early + 1 end
  end
  if used + 1 > count then
    local at = tonumber(ARGV[b + 4])
    if at < 0 then
      local r = redis.call('ZRANGEBYSCORE', KEYS[1], lo, '+inf', 'WITHSCORES', 'LIMIT', used - count, 1)
      at = tonumber(r[2]) + tonumber(ARGV[b + 3])
    end
    if best == nil or at > best then best = at end
  elseif used + early + 1 > count then
    local at = now + math.max(1000, math.floor(tonumber(ARGV[b + 3]) / 20))
    if best == nil or at > best then best = at end
  end
end
if best then return {0, tostring(best), 'window'} end
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[4], ARGV[2], now)
redis.call('PEXPIRE', KEYS[4], ARGV[4])
local out = {1}
for _, v in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')) do out[#out + 1] = v end
return out
`;

/** KEYS: block hash. ARGV: until, reason, daily (1/0), ttlMs. Only ever extends a block. */
export const BLOCK = `
local cur = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if tonumber(ARGV[1]) > cur then
  redis.call('HSET', KEYS[1], 'until', ARGV[1], 'reason', ARGV[2], 'daily', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return 1
`;

/** KEYS: pause. ARGV: until, ttlMs. Only ever extends the pause. */
export const PAUSE = `
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1
`;

/** KEYS: key. ARGV: expected value. Deletes only what still holds our value. */
export const DELETE_IF = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** KEYS: key. ARGV: expected value, ttlMs. Extends only a lock or lease we hold. */
export const EXTEND_IF = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

/** KEYS: session. ARGV: token. Forgets the session only if it still holds that token. */
export const DROP_SESSION = `
local cur = redis.call('GET', KEYS[1])
if cur and cjson.decode(cur).token == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * KEYS: polls (hash key -> clock time), owners (hash key -> instance). ARGV: key, now,
 * periodMs, instance, graceMs, ttlMs. The poll is taken when nobody polled it within the
 * period; the instance that made the last one has the first `graceMs` after that to itself,
 * so each poll stays with one instance and moves only when that one is gone.
 * Returns {1} when taken, or {0, time to look again}.
 */
export const CLAIM_POLL = `
local last = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '')
local now = tonumber(ARGV[2])
if last then
  local free = last + tonumber(ARGV[3])
  local owner = redis.call('HGET', KEYS[2], ARGV[1])
  if owner and owner ~= ARGV[4] then free = free + tonumber(ARGV[5]) end
  if now < free then return {0, tostring(free)} end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
if last then return {1, tostring(last)} end
return {1}
`;

/**
 * KEYS: polls, owners. ARGV: key, the time it was claimed at, instance, the time before
 * ('' for none). Gives back a claimed poll whose call failed, unless another claim followed.
 */
export const RELEASE_POLL = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] or redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[3] then return 0 end
if ARGV[4] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[4]) end
return 1
`;

/**
 * KEYS: polls hash. ARGV: ttlMs, then key, time pairs. Keeps
 * the later time of each (a re-seed never moves a poll back).
 */
export const POLLS_MAX = `
for i = 2, #ARGV, 2 do
  local cur = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > cur then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
`;
