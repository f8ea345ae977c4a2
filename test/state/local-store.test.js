'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { LocalStore } = require('../../dist/src/client/store/local-store');
const { accountId, credentialId } = require('../../dist/src/client/store/identity');
const { must } = require('../helpers/must');

const ACCOUNT = accountId('eu5.fusionsolar.huawei.com:443\0tester');
const CRED = credentialId(ACCOUNT, 's3cret-Passw0rd!');

describe('local state store', function () {
  let dir;
  let problems;
  const open = () => new LocalStore({ dir, account: ACCOUNT, onProblem: (p) => problems.push(p.message) });

  beforeEach(function () {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fs-state-')), 'fusionsolar');
    problems = [];
  });
  afterEach(function () {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it(
    'keeps session, latch, ledger, fleet and polls across a restart, in a file only its owner ' + 'reads',
    async function () {
      const a = open();
      await a.load();
      await a.saveSession({ credential: CRED, token: 'tok-1', cookies: { JSESSIONID: 'j1' }, lastUsed: 1000 });
      await a.saveRejection({ credential: CRED, code: '20001', at: 500 });
      a.saveLedger({
        pausedUntil: 7,
        budgets: { 'vpp/plantRealtimeKpi': { stamps: [1, 2, 3], blockedUntil: 0, strikes: 0 } },
      });
      a.saveFleet({ plants: 120, devices: 240 });
      a.savePoll('plantRealtime', 4242);
      await a.close();
      assert.equal(fs.statSync(a.file).mode & 0o777, 0o600);
      assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
      const text = fs.readFileSync(a.file, 'utf8');
      assert.equal(text.includes('s3cret'), false);
      assert.equal(text.includes('tester'), false, 'the username appears only hashed');
      assert.deepEqual(fs.readdirSync(dir), [path.basename(a.file)], 'no temporary file is left');

      const b = open();
      const snap = await b.load();
      assert.deepEqual(snap.session, {
        credential: CRED,
        token: 'tok-1',
        cookies: { JSESSIONID: 'j1' },
        lastUsed: 1000,
      });
      assert.deepEqual(snap.rejected, { credential: CRED, code: '20001', at: 500 });
      assert.deepEqual(must(snap.ledger, 'snap.ledger').budgets['vpp/plantRealtimeKpi'].stamps, [1, 2, 3]);
      assert.equal(must(snap.ledger, 'snap.ledger').pausedUntil, 7);
      assert.deepEqual(snap.fleet, { plants: 120, devices: 240 });
      assert.deepEqual(snap.polls, { plantRealtime: 4242 });
      assert.deepEqual(problems, []);
      await b.close();
    },
  );

  it('coalesces a burst of changes and leaves a complete file after each write', async function () {
    const a = open();
    await a.load();
    for (let i = 1; i <= 200; i++)
      a.saveLedger({ pausedUntil: 0, budgets: { x: { stamps: [i], blockedUntil: 0, strikes: 0 } } });
    await a.close();
    const stored = JSON.parse(fs.readFileSync(a.file, 'utf8'));
    assert.deepEqual(stored.ledger.budgets.x.stamps, [200]);
    assert.equal(stored.format, 1);
    assert.deepEqual(fs.readdirSync(dir), [path.basename(a.file)]);
  });

  it('drops a stored session only while it still holds the token it was told about', async function () {
    const a = open();
    await a.load();
    await a.saveSession({ credential: CRED, token: 'new', cookies: {}, lastUsed: 1 });
    await a.dropSession('old');
    assert.equal(must(await a.session(), '(await a.session())').token, 'new');
    await a.dropSession('new');
    assert.equal(await a.session(), undefined);
    await a.close();
  });

  it('sets a corrupt file aside, reports it and starts empty instead of failing', async function () {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${ACCOUNT}.json`);
    fs.writeFileSync(file, '{"format":1,"session":{"tok');
    const a = open();
    const snap = await a.load();
    assert.equal(snap.session, undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /set aside as .*unreadable-\d+: it is not valid JSON/);
    const aside = fs.readdirSync(dir).filter((f) => f.includes('.unreadable-'));
    assert.equal(aside.length, 1);
    assert.equal(fs.readFileSync(path.join(dir, aside[0]), 'utf8'), '{"format":1,"session":{"tok');
    a.savePoll('k', 1);
    await a.close();
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).polls.k, 1);
  });

  it('reads what it understands of an older file and reports the rest', async function () {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${ACCOUNT}.json`);
    // No format field (before format 1), a session of another shape, a usable fleet.
    fs.writeFileSync(file, JSON.stringify({ session: { token: 7 }, fleet: { plants: 12, devices: 30 }, ledger: 'x' }));
    const snap = await open().load();
    assert.equal(snap.session, undefined);
    assert.equal(snap.ledger, undefined);
    assert.deepEqual(snap.fleet, { plants: 12, devices: 30 });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /ignored what this version does not understand \(session, ledger\)/);
  });

  it('does not guess at a file from a newer version or another account', async function () {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${ACCOUNT}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({ format: 99, session: { credential: CRED, token: 't', cookies: {}, lastUsed: 1 } }),
    );
    let snap = await open().load();
    assert.equal(snap.session, undefined);
    assert.match(problems[0], /a newer version wrote it \(format 99\)/);
    fs.writeFileSync(file, JSON.stringify({ format: 1, account: 'someone-else', fleet: { plants: 5, devices: 5 } }));
    snap = await open().load();
    assert.equal(snap.fleet, undefined);
  });

  it('removes the temporary file of a write a killed process never finished', async function () {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${ACCOUNT}.json`);
    fs.writeFileSync(file, JSON.stringify({ format: 1, account: ACCOUNT, fleet: { plants: 7, devices: 9 } }));
    fs.writeFileSync(`${file}.4242.deadbeef.tmp`, '{"format":1,"fle');
    fs.writeFileSync(path.join(dir, 'other.json.1.aa.tmp'), 'not ours');
    const snap = await open().load();
    assert.deepEqual(snap.fleet, { plants: 7, devices: 9 });
    assert.deepEqual(fs.readdirSync(dir).sort(), [`${ACCOUNT}.json`, 'other.json.1.aa.tmp']);
  });

  it('reports a folder it cannot write to and keeps running', async function () {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the folder should be');
    const a = open();
    await a.load();
    a.savePoll('k', 1);
    await a.close();
    assert.deepEqual(
      problems.map((m) => m.replace(/:.*/, '')),
      [`cannot read ${path.join(dir, `${ACCOUNT}.json`)}`, `cannot write ${path.join(dir, `${ACCOUNT}.json`)}`],
    );
  });
});
