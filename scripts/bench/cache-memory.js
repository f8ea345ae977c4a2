'use strict';
// Memory per 1,000 plants held in the account's caches: the plant list a full plantList
// call leaves in client.memory, measured as heap after GC with and without it, next to the
// heap the same list takes as plain JSON.parse output.
const path = require('node:path');
const { ROOT, USER, heapAfterGc } = require('./common');

const dist = path.join(ROOT, 'dist', 'src');
const { FusionSolarClient } = require(path.join(dist, 'client', 'client'));
const { execute } = require(path.join(dist, 'api', 'core', 'planner'));
const { operation } = require(path.join(dist, 'api'));

async function run(sim, plants) {
  const client = new FusionSolarClient({
    baseUrl: sim.url,
    username: USER.username,
    password: USER.password,
    quotaProfile: 'off',
  });
  const op = operation('plantList');
  // A one-page call logs in and warms every code path without filling the cache.
  await execute(op, { pageNo: 1, pageSize: 100 }, { client });
  const before = heapAfterGc();
  // Only the count leaves this call: what stays on the heap is what the cache holds.
  const { count, calls } = await execute(op, {}, { client }).then((r) => ({ count: r.payload.length, calls: r.calls }));
  const withCache = heapAfterGc();
  const json = JSON.stringify(client.memory.plantList.value);
  client.memory.plantList = undefined;
  // The JSON text (one byte per character) is alive from here on.
  const withText = heapAfterGc();
  const parsed = JSON.parse(json);
  const withParsed = heapAfterGc();
  await client.close();
  if (count !== plants || parsed.length !== plants) throw new Error(`expected ${plants} plants, got ${count}`);
  const per = (bytes) => (bytes * 1000) / plants;
  return {
    plants,
    calls,
    per1000: per(withCache - before),
    released: per(withCache - withText + json.length),
    jsonPer1000: per(json.length),
    parsedPer1000: per(withParsed - withText),
  };
}

module.exports = { run };
