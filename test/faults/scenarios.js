'use strict';
// The faults of issue 9, one kind at a time and mixed. Each scenario says how to provoke
// the fault and what a correct client does about it:
//   heals   - every read still succeeds (re-login, gateway pause then one retry)
//   allowed - the only error codes a message may end with
// Faults target the operations' endpoints; login faults have their own scenarios, since an
// empty login answer is how the live server says "wrong password".

const UNKNOWN = 'OUTCOME_UNKNOWN';

/** Arms `fault` for the message's endpoint with probability `p` (seeded). */
function sometimes(fault, p = 0.5) {
  return (ctx, endpoint) => {
    if (ctx.rand() < p) ctx.sim.inject({ ...fault, endpoint });
  };
}

/** Resolves once a non-login request reached the simulator (or after a second). */
async function requestArrived(sim) {
  for (
    let i = 0;
    i < 500 && !sim.requestLog.some((e) => e.endpoint !== 'login' && e.endpoint !== 'thirdData/login');
    i++
  )
    await new Promise((r) => setTimeout(r, 2));
}

async function restartServer(ctx) {
  await ctx.sim.close();
  // A restarted server has forgotten every session.
  ctx.sim.accounts.revoke();
  await ctx.sim.listen(ctx.port);
}

const MIXED_KINDS = [
  'delay',
  'reset',
  'status',
  'html',
  'broken',
  'empty',
  'relogin305',
  'quota407',
  'quota403',
  'status429',
  'revoke',
];

const SCENARIOS = [
  { name: 'latency', arm: sometimes({ kind: 'delay', ms: 15 }, 0.7), heals: true, allowed: [] },
  { name: 'connection reset', arm: sometimes({ kind: 'reset' }), allowed: ['ECONNRESET', UNKNOWN] },
  // Real time: undici's timers fire about a second late whatever the setting, so one hang in four.
  {
    name: 'timeout (no answer)',
    arm: (ctx, endpoint) => ctx.seq % 4 === 1 && ctx.sim.inject({ kind: 'hang', endpoint }),
    account: { timeout: 0.3 },
    allowed: ['ETIMEDOUT', UNKNOWN],
    slow: true,
  },
  { name: 'HTTP 500', arm: sometimes({ kind: 'status', status: 500 }), allowed: ['HTTP', UNKNOWN] },
  { name: 'HTTP 502', arm: sometimes({ kind: 'status', status: 502 }), allowed: ['HTTP', UNKNOWN] },
  { name: 'HTTP 503', arm: sometimes({ kind: 'status', status: 503 }), allowed: ['HTTP', UNKNOWN] },
  { name: 'HTML error page', arm: sometimes({ kind: 'html', status: 502 }), allowed: ['HTTP', UNKNOWN] },
  { name: 'HTML page with 200', arm: sometimes({ kind: 'html', status: 200 }), allowed: ['BAD_RESPONSE', UNKNOWN] },
  { name: 'broken JSON', arm: sometimes({ kind: 'broken' }), allowed: ['BAD_RESPONSE', UNKNOWN] },
  { name: 'empty body (once: token gone)', arm: sometimes({ kind: 'empty' }), heals: true, allowed: [UNKNOWN] },
  { name: 'empty body (twice)', arm: sometimes({ kind: 'empty', times: 2 }), allowed: ['EMPTY_RESPONSE', UNKNOWN] },
  { name: '305 at random', arm: sometimes({ kind: 'relogin305' }), heals: true, allowed: [] },
  { name: '407 too frequent', arm: sometimes({ kind: 'quota407' }), allowed: ['407'] },
  { name: '403 quotaControl', arm: sometimes({ kind: 'quota403' }), heals: true, allowed: ['403'] },
  { name: '429', arm: sometimes({ kind: 'status429' }), heals: true, allowed: ['429'] },
  { name: 'token revoked (login elsewhere)', arm: sometimes({ kind: 'revoke' }), heals: true, allowed: [] },
  {
    name: 'server restart',
    // Every third message meets the server going down: every sixth while its request is
    // being answered, the others before it is sent. The next message finds it back.
    arm: (ctx, endpoint) => ctx.seq % 6 === 0 && ctx.sim.inject({ kind: 'delay', ms: 40, endpoint }),
    during: async (ctx, seq) => {
      if (seq % 3 !== 0) return;
      if (seq % 6 === 0) await requestArrived(ctx.sim);
      await ctx.sim.close();
    },
    after: (ctx, seq) => (seq % 3 === 0 ? restartServer(ctx) : undefined),
    allowed: ['ECONNRESET', 'ECONNREFUSED', UNKNOWN],
  },
  {
    name: 'login faults (reset, 500, HTML, 403, 407)',
    // Every message needs a login (the token is revoked); every other login fails, in turn.
    arm: (ctx) => {
      const kinds = [
        { kind: 'reset' },
        { kind: 'status', status: 500 },
        { kind: 'html', status: 502 },
        { kind: 'quota403' },
        { kind: 'quota407' },
      ];
      ctx.sim.accounts.revoke();
      if (ctx.seq % 2 === 0) ctx.sim.inject({ ...kinds[(ctx.seq / 2) % kinds.length], endpoint: 'login' });
    },
    allowed: ['ECONNRESET', 'HTTP', '403', '407'],
  },
  { name: 'wrong password', credentials: { password: 'Wr0ng-Secret-Value' }, allowed: ['LOGIN_REJECTED'], logins: 1 },
  {
    name: 'empty login answer (= wrong password)',
    arm: (ctx) => ctx.seq === 0 && ctx.sim.inject({ kind: 'empty', endpoint: 'login' }),
    allowed: ['LOGIN_REJECTED'],
    logins: 1,
  },
];

/**
 * The live API's documented oddities (simulator quirks mode): each spelling the server
 * sends must arrive under the table's name as well (the original is kept, never dropped),
 * and long task ids must arrive exact, as strings.
 */
const QUIRK_NAMES = { dataltemMap: 'dataItemMap', inveterName: 'inverterName', stringImIoc: 'stringImIsc' };

function quirkProblems(value, path = 'payload', out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => quirkProblems(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [quirk, name] of Object.entries(QUIRK_NAMES)) {
      if (quirk in value && value[name] === undefined) out.push(`${path}: ${quirk} sent, ${name} missing`);
    }
    // 9.3.5's second example item: startTime/endTime for execStartTime/execEndTime.
    if ('remoteID' in value && 'startTime' in value && value.execStartTime === undefined)
      out.push(`${path}: startTime sent, execStartTime missing`);
    if ('taskId' in value && typeof value.taskId !== 'string')
      out.push(`${path}.taskId: ${typeof value.taskId}, not an exact string`);
    for (const [k, v] of Object.entries(value)) quirkProblems(v, `${path}.${k}`, out);
  }
  return out;
}

const QUIRKS = {
  name: 'quirks mode (every oddity of API-NOTES.md)',
  sim: { quirks: true },
  inspect: (msg) => quirkProblems(msg.payload),
  // 9.5.1 is closed to users created after 2022-06-30 (the simulator's default user); the
  // I-V rows start runDiagnosis while createTask's scan still runs (30033).
  allowed: ['401', '30033'],
};

/**
 * Every kind at random from one seed, plus logins elsewhere and server restarts.
 * @param {{ rate?: number, seed?: number, restartEvery?: number, kinds?: string[], timeout?: number }} [options]
 */
function mixed({ rate = 0.3, seed = 9, restartEvery = 0, kinds = MIXED_KINDS, timeout } = {}) {
  return {
    name: `mixed at random (rate ${rate}, seed ${seed}${restartEvery ? `, restart every ${restartEvery}` : ''})`,
    setup: (ctx, endpoints) => ctx.sim.faults.randomly({ rate, kinds, seed, endpoints }),
    during: restartEvery
      ? (ctx, seq) => (seq % restartEvery === restartEvery - 1 ? ctx.sim.close() : undefined)
      : undefined,
    after: restartEvery
      ? (ctx, seq) => (seq % restartEvery === restartEvery - 1 ? restartServer(ctx) : undefined)
      : undefined,
    account: timeout ? { timeout } : undefined,
    random: true,
  };
}

module.exports = { SCENARIOS, QUIRKS, MIXED_KINDS, mixed, restartServer, quirkProblems };
