'use strict';
// Node-RED shows about 20 characters of a node status. Every status text of the package comes
// from common.status of the account's locales; rendered here by the i18next Node-RED itself
// uses, with Node-RED's options, at the longest values a node can realistically put in.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Status, STATUS_MAX } = require('../../dist/nodes/shared/status');
const { translator } = require('../../dist/nodes/shared/i18n');
const { FusionSolarError } = require('../../dist/src/client/errors');
const { ERROR_CATALOGUE } = require('../../dist/src/client/error-catalogue');
const { NODE_OPERATIONS } = require('../../dist/src/api');

const root = path.join(__dirname, '..', '..');
const LANGS = ['en-US', 'zh-CN', 'de'];
const NS = 'node-red-contrib-fusionsolar/fusionsolar-account';
const utilDir = path.dirname(require.resolve('@node-red/util/package.json'));
const i18next = require(require.resolve('i18next', { paths: [utilDir] }));
const { must } = require('../helpers/must');

/** A double of the runtime API with only what the code under test calls (`_`, `nodes.getNode`). */
const asRED = (/** @type {object} */ double) => /** @type {import('node-red').NodeAPI} */ (double);
/** A flow node's settings: nodeError reads only the account id. */
const CONFIG = /** @type {import('../../dist/nodes/shared/types').FlowNodeConfig} */ ({ account: 'acc' });

const catalogue = (lang) =>
  JSON.parse(
    fs.readFileSync(path.join(root, 'nodes/fusionsolar-account/locales', lang, 'fusionsolar-account.json'), 'utf8'),
  );

/** A runtime translator for one language, set up like @node-red/util's i18n. */
function runtimeIn(lang) {
  const i18n = i18next.createInstance();
  i18n.init({
    lng: lang,
    fallbackLng: 'en-US',
    initImmediate: false,
    showSupportNotice: false,
    keySeparator: '.',
    nsSeparator: ':',
    defaultNS: NS,
    ns: [NS],
    interpolation: { unescapeSuffix: 'HTML', escapeValue: false, prefix: '__', suffix: '__' },
    resources: Object.fromEntries(LANGS.map((l) => [l, { [NS]: catalogue(l) }])),
  });
  return translator(asRED({ _: (key, vars) => i18n.t(key, vars) }));
}

const LONGEST_CODE = Object.keys(ERROR_CATALOGUE).reduce((a, b) => (b.length > a.length ? b : a));

/**
 * Each status key with the longest values it meets: lists of 10000, 100 plants or inverters
 * per command, a quota wait of an hour, 100 inverters of ~32 strings in one I-V report.
 * A status key without an entry here fails the test, so a new status is measured too.
 */
const LONGEST = {
  ok: {},
  partial: { ok: 1000, total: 1000 },
  error: { code: LONGEST_CODE },
  items: { count: 10000 },
  plants: { count: 10000 },
  devices: { count: 10000 },
  points: { count: 10000 },
  quota: {},
  quotaDaily: {},
  quotaWaiting: { seconds: 3600 },
  loginRejected: {},
  noAccount: {},
  storeOffline: {},
  tracking: { done: 100, total: 100 },
  complete: {},
  running: { progress: 100 },
  enrolled: { count: 1000 },
  sns: { count: 1000 },
  trackingStopped: {},
  ivCollecting: { done: 100, total: 100 },
  ivFaults: { count: 999 },
  canceled: {},
  alarms: { count: 10000 },
};

const baseKeys = (lang) => [
  ...new Set(Object.keys(catalogue(lang).common.status).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ''))),
];

function statusOf(t) {
  const seen = [];
  // A node double: Status calls only node.status().
  const node = /** @type {import('node-red').Node} */ (/** @type {unknown} */ ({ status: (s) => seen.push(s) }));
  return { status: new Status(node, t), seen };
}

describe('status texts fit the node status', function () {
  for (const lang of LANGS) {
    const t = runtimeIn(lang);

    it(`${lang}: every status, at its longest realistic values, has at most ${STATUS_MAX} characters`, function () {
      const texts = [];
      for (const key of baseKeys(lang)) {
        if (key === 'ivReport') continue;
        assert.ok(LONGEST[key], `status.${key} has its longest values in LONGEST`);
        texts.push([key, t(`status.${key}`, LONGEST[key])]);
      }
      for (const faults of [0, 1, 999]) {
        texts.push([
          'ivReport',
          t('status.ivReport', { curves: 3200, faults: t('status.ivFaults', { count: faults }) }),
        ]);
      }
      // The request node: method and "ok".
      texts.push(['request', `DELETE ${t('status.ok')}`]);
      for (const [key, text] of texts) {
        assert.ok(!/__\w+__|status\./.test(text), `${key} is fully translated: ${text}`);
        assert.ok([...text].length <= STATUS_MAX, `${lang} ${key}: "${text}" has ${[...text].length} characters`);
      }
    });

    it(`${lang}: plurals follow the language`, function () {
      const forms = {
        'en-US': [
          ['plants', 1, '1 plant'],
          ['plants', 2, '2 plants'],
          ['devices', 1, '1 device'],
          ['items', 1, '1 item'],
          ['sns', 1, '1 SN'],
          ['sns', 4, '4 SNs'],
          ['points', 288, '288 points'],
          ['ivFaults', 0, 'no faults'],
          ['ivFaults', 1, '1 fault'],
          ['ivFaults', 3, '3 faults'],
        ],
        de: [
          ['plants', 1, '1 Anlage'],
          ['plants', 2, '2 Anlagen'],
          ['devices', 1, '1 Gerät'],
          ['devices', 7, '7 Geräte'],
          ['items', 1, '1 Eintrag'],
          ['items', 0, '0 Einträge'],
          ['points', 1, '1 Wert'],
          ['ivFaults', 0, 'fehlerfrei'],
          ['ivFaults', 2, '2 Fehler'],
        ],
        'zh-CN': [
          ['plants', 1, '1 个电站'],
          ['plants', 2, '2 个电站'],
          ['devices', 1, '1 台设备'],
          ['ivFaults', 0, '无故障'],
          ['ivFaults', 5, '5 个故障'],
        ],
      }[lang];
      for (const [key, count, want] of forms) assert.equal(t(`status.${key}`, { count }), want, `${key} ${count}`);
    });
  }

  it('English plurals hold where the runtime loads no catalogue (the fallback)', function () {
    const t = translator(asRED({ _: (key) => key }));
    assert.equal(t('status.plants', { count: 1 }), '1 plant');
    assert.equal(t('status.plants', { count: 250 }), '250 plants');
    assert.equal(t('status.ivFaults', { count: 0 }), 'no faults');
    assert.equal(t('status.quotaWaiting', { seconds: 12 }), 'quota: wait 12 s');
  });

  it('asks the runtime once per text, and a catalogue loaded later still wins over the English fallback', function () {
    /** @type {Record<string, string>} */
    let loaded = {};
    const asked = [];
    const t = translator(
      asRED({
        _: (/** @type {string} */ key, /** @type {Record<string, unknown> | undefined} */ vars) => {
          asked.push(key);
          const text = loaded[key];
          return text === undefined ? key : text.replace('__seconds__', String(vars && vars.seconds));
        },
      }),
    );
    const KEY = 'node-red-contrib-fusionsolar/fusionsolar-account:common.status.quotaWaiting';
    assert.equal(t('status.quotaWaiting', { seconds: 12 }), 'quota: wait 12 s', 'no catalogue yet: English');
    loaded = { [KEY]: 'Kontingent: __seconds__ s' };
    assert.equal(t('status.quotaWaiting', { seconds: 12 }), 'Kontingent: 12 s', 'a miss is not remembered');
    const before = asked.length;
    assert.equal(t('status.quotaWaiting', { seconds: 12 }), 'Kontingent: 12 s');
    assert.equal(asked.length, before, 'a hit does not ask the runtime again');
    assert.equal(t('status.quotaWaiting', { seconds: 13 }), 'Kontingent: 13 s', 'other values are their own text');
    assert.equal(asked.length, before + 1);
  });

  it('a failed message shows the code itself in a red ring, never cut', function () {
    for (const lang of LANGS) {
      const { status, seen } = statusOf(runtimeIn(lang));
      for (const code of Object.keys(ERROR_CATALOGUE).filter(
        (c) => !['QUOTA', '407', '20618', 'LOGIN_REJECTED'].includes(c),
      )) {
        status.failed(new FusionSolarError(code));
        assert.deepEqual(seen.at(-1), { fill: 'red', shape: 'ring', text: code }, `${lang} ${code}`);
      }
    }
    const { status, seen } = statusOf(runtimeIn('en-US'));
    status.failed(new FusionSolarError('CONTROL_DISABLED'));
    assert.deepEqual(seen.at(-1), { fill: 'red', shape: 'ring', text: 'CONTROL_DISABLED' });
    status.failed(new FusionSolarError('QUOTA', { details: { daily: true } }));
    assert.equal(seen.at(-1).text, 'quota: daily limit');
  });

  it('an operation name that is too long ends in an ellipsis at 20 characters; the others show whole', function () {
    const { status, seen } = statusOf(runtimeIn('en-US'));
    for (const op of Object.values(NODE_OPERATIONS).flat()) {
      status.busy(op.name);
      const text = seen.at(-1).text;
      if (op.name.length <= STATUS_MAX) assert.equal(text, op.name);
      else assert.equal(text, `${op.name.slice(0, STATUS_MAX - 1)}…`);
      assert.ok(text.length <= STATUS_MAX);
    }
    status.busy('chargeDischargeStatus');
    assert.equal(seen.at(-1).text, 'chargeDischargeStat…');
  });
});

describe('error texts of our own codes follow the runtime language', function () {
  const { nodeError } = require('../../dist/nodes/shared/node-base');
  const { invalidInput } = require('../../dist/src/client/errors');
  const OWN = Object.keys(ERROR_CATALOGUE).filter((c) => !/^\d+$/.test(c));
  const redFor = (lang, locale = 'en-us') => {
    const t = runtimeIn(lang);
    return { t, RED: asRED({ nodes: { getNode: () => ({ locale }) } }) };
  };

  it("the en-US and zh-CN locale texts are the catalogue's, and every own code has them in every locale", function () {
    for (const lang of LANGS) {
      const codes = catalogue(lang).common.errors.code;
      assert.deepEqual(Object.keys(codes).sort(), [...OWN].sort(), lang);
      for (const code of OWN) {
        const entry = ERROR_CATALOGUE[code];
        if (lang === 'en-US') assert.deepEqual(codes[code], { message: entry.en, solution: entry.solutionEn }, code);
        if (lang === 'zh-CN') assert.deepEqual(codes[code], { message: entry.zh, solution: entry.solutionZh }, code);
        if (lang === 'de') assert.notEqual(codes[code].message, entry.en, `${code} is translated`);
      }
    }
  });

  it('de: a validation error keeps its field and rule and adds the German text and advice', function () {
    const { RED, t } = redFor('de');
    const e = nodeError(RED, CONFIG, invalidInput('targetSOC', 'must be at most 100'), t);
    assert.equal(e.code, 'INVALID_INPUT');
    assert.equal(e.field, 'targetSOC');
    assert.equal(e.message, 'targetSOC: must be at most 100 (Ungültige Eingabeparameter.)');
    assert.equal(e.solution, 'Das genannte Feld korrigieren; die Anfrage wurde nicht gesendet.');
    const q = nodeError(RED, CONFIG, new FusionSolarError('QUOTA', { retryAfter: 5000, endpoint: 'vpp/plants' }), t);
    assert.match(q.message, /^Die Limit-Steuerung des Clients hat den Aufruf abgelehnt/);
    assert.equal(q.retryAfter, 5000);
    assert.equal(q.endpoint, 'vpp/plants');
  });

  it(
    'en-US keeps the catalogue texts; a zh-cn account gets the server language; a vendor code stays ' +
      'as the reference words it',
    function () {
      const en = redFor('en-US');
      const err = invalidInput('targetSOC', 'must be at most 100');
      assert.equal(nodeError(en.RED, CONFIG, err, en.t), err);
      const zh = redFor('de', 'zh-cn');
      assert.match(nodeError(zh.RED, CONFIG, err, zh.t).message, /^targetSOC: must be at most 100（输入参数无效。）$/);
      const de = redFor('de');
      const vendor = new FusionSolarError('20010');
      assert.equal(nodeError(de.RED, CONFIG, vendor, de.t).message, ERROR_CATALOGUE['20010'].en);
    },
  );

  /** @param {{ solution?: string }} err */
  const solutionOf = (err) => must(err.solution, 'the advice');

  it("20005 names each interface's own device fields, in every runtime language and account locale", function () {
    const v6 = { code: '20005', endpoint: 'thirdData/getDevRealKpi' };
    const v7 = { code: '20005', endpoint: 'vpp/device/kpiRealtime' };
    const make = ({ code, endpoint }) => new FusionSolarError(code, { endpoint });
    for (const lang of LANGS) {
      const r = redFor(lang);
      // Vendor codes keep the reference's (English) words outside zh-cn, as for 20010 above.
      assert.equal(nodeError(r.RED, CONFIG, make(v6), r.t).solution, ERROR_CATALOGUE['20005'].v6?.solutionEn);
      assert.match(solutionOf(nodeError(r.RED, CONFIG, make(v6), r.t)), /\(devIds\) or device SN \(sns\)/);
      assert.match(solutionOf(nodeError(r.RED, CONFIG, make(v7), r.t)), /\(dn\)/);
      const zh = redFor(lang, 'zh-cn');
      const local = nodeError(zh.RED, CONFIG, make(v6), zh.t);
      assert.equal(local.message, ERROR_CATALOGUE['20005'].zh);
      assert.equal(local.solution, '请至少提供一个设备ID（devIds）或设备SN（sns）。');
      assert.match(solutionOf(nodeError(zh.RED, CONFIG, make(v7), zh.t)), /（dn）/);
    }
    assert.doesNotMatch(must(ERROR_CATALOGUE['20005'].v6?.solutionEn, 'the V6 advice'), /\bdn\b/);
  });
});
