'use strict';
const assert = require('node:assert/strict');
const { parseExact, stringifyExact } = require('../../dist/src/client');
const { toCurve, parseSeries } = require('../../dist/src/api');
const { ivCurvesSvg } = require('../../dist/src/api');
const { fillModuleFields } = require('../../dist/src/api');
const { faultList, lossData } = require('../../dist/src/api');
const { Pacer } = require('../../dist/src/api');
const { VirtualClock } = require('../../dist/src/clock');
const { stringCurve, curveKpis } = require('../../dist/src/simulator/iv-physics');
const { MODULE_LIBRARY } = require('../../dist/src/simulator');

describe('I-V diagnosis helpers', function () {
  describe('exact JSON for long ids', function () {
    it('keeps integers beyond 2^53 as digit strings and leaves everything else alone', function () {
      const text =
        '{"a":9223372036854775807,"b":-9007199254740993,"c":9007199254740991,"d":"12345678901234567890",' +
        '"e":0.30000000000000004,"f":1.5e300,"g":[126140505793022]}';
      assert.deepEqual(parseExact(text), {
        a: '9223372036854775807',
        b: '-9007199254740993',
        c: 9007199254740991,
        d: '12345678901234567890',
        e: 0.30000000000000004,
        f: 1.5e300,
        g: [126140505793022],
      });
      assert.deepEqual(parseExact('{"s":"say \\"9223372036854775807\\""}'), { s: 'say "9223372036854775807"' });
    });

    it('writes BigInt values as raw number literals and other bodies exactly as JSON.stringify', function () {
      assert.equal(
        stringifyExact({ taskId: 9223372036854775807n, name: 'x', list: [-1n] }),
        '{"taskId":9223372036854775807,"name":"x","list":[-1]}',
      );
      const plain = { a: 1, b: 'two', c: [null, true] };
      assert.equal(stringifyExact(plain), JSON.stringify(plain));
    });
  });

  describe('curves', function () {
    it('pairs "[null, ..." series point by point into equal-length number arrays with power and the MPP', function () {
      const c = toCurve('[null, 0.0,1.0,2.0,2.5]', '[null, 40,30,20,0]');
      assert.deepEqual(c.current, [0, 1, 2, 2.5]);
      assert.deepEqual(c.voltage, [40, 30, 20, 0]);
      assert.deepEqual(c.power, [0, 30, 40, 0]);
      assert.deepEqual(c.mpp, { voltage: 20, current: 2, power: 40, index: 2 });
    });

    it('drops a leading null only one series has, and pairs with a missing value', function () {
      const c = toCurve('[null, 0.0,1.0,null,2.5]', '40,30,20,0');
      assert.deepEqual(c.current, [0, 1, 2.5]);
      assert.deepEqual(c.voltage, [40, 30, 0]);
      assert.deepEqual(parseSeries(''), []);
      assert.deepEqual(parseSeries(['1', 'N/A']), [1, null]);
      assert.equal(toCurve(null, null).mpp, null);
    });

    it('simulates physically shaped curves: shading lowers the MPP more than the short-circuit current', function () {
      const m = MODULE_LIBRARY[2];
      const normal = curveKpis(stringCurve(m, 12, 900, 50, 'normal'));
      const shaded = curveKpis(stringCurve(m, 12, 900, 50, 'shading'));
      const low = curveKpis(stringCurve(m, 12, 900, 50, 'lowCurrent'));
      assert.ok(normal.ff > 70 && normal.ff < 85, `FF ${normal.ff}`);
      assert.ok(Math.abs(shaded.isc - normal.isc) < 0.01 && shaded.pm < normal.pm * 0.8);
      assert.ok(low.isc < normal.isc * 0.8);
    });
  });

  it('draws one polyline per curve with every point, and escapes labels', function () {
    const curve = { current: [0, 1, 2], voltage: [30, 20, 0] };
    const svg = ivCurvesSvg(
      [
        { ...curve, label: 'A <1>' },
        { ...curve, label: 'B', fault: 'String shaded' },
      ],
      { title: 'T & U' },
    );
    const lines = [...svg.matchAll(/<polyline[^>]*points="([^"]*)"/g)].map((m) => m[1].split(' '));
    assert.deepEqual(
      lines.map((l) => l.length),
      [3, 3],
    );
    assert.match(svg, /A &lt;1&gt;/);
    assert.match(svg, /T &amp; U/);
    assert.match(svg, /stroke-dasharray/);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  });

  it('fills a string from module details, keeping the values it already has', function () {
    const filled = fillModuleFields(
      { pvIndex: 2, moduleId: 7, moduleQuantity: 10, fillFactor: 70 },
      {
        id: 7,
        manufacturer: 'Sim Solar',
        moduleModel: 'M',
        moduleType: 4,
        maxModulePower: 410,
        fillFactor: 78,
        abbreviation: 'S',
      },
    );
    assert.deepEqual(filled, {
      pvIndex: 2,
      moduleQuantity: 10,
      fillFactor: 70,
      moduleManufacturer: 'Sim Solar',
      moduleModel: 'M',
      moduleType: 4,
      maxModulePower: 410,
    });
  });

  it(
    "names faults in the account's language when the server sends no name, and accepts the " + "example's spellings",
    function () {
      // The normalisers read only the client's language (and its settings): a double with that.
      const ctx = /** @type {import('../../dist/src/api').ExecContext} */ (
        /** @type {unknown} */ ({ client: { locale: 'zh-cn' } })
      );
      const page = {
        total: '2',
        list: [
          { faultCode: '10012', faultName: '', inveterName: 'INV', stringImIoc: '0.9', pvIndex: '1' },
          { faultCode: 10006, faultName: 'String shaded' },
        ],
      };
      /** @typedef {{ total?: number, list: Array<Record<string, unknown>> }} Page */
      const out = /** @type {Page} */ (faultList.normalise?.(page, {}, ctx));
      assert.equal(out.total, 2);
      assert.equal(out.list[0].faultName, '组串未配置');
      assert.equal(out.list[0].inverterName, 'INV');
      assert.equal(out.list[0].stringImIsc, 0.9);
      assert.equal(out.list[0].pvIndex, '1');
      assert.equal(out.list[1].faultName, 'String shaded');
      const loss = /** @type {Page} */ (
        lossData.normalise?.(
          { list: [{ ivFaultCode: 10000, quantifyingLosses: 'null' }, { ivFaultCode: 4242 }] },
          {},
          /** @type {import('../../dist/src/api').ExecContext} */ (/** @type {unknown} */ ({ client: { config: {} } })),
        )
      );
      assert.equal(loss.list[0].ivFaultName, 'Normal');
      assert.equal(loss.list[0].quantifyingLosses, null);
      assert.equal(loss.list[1].ivFaultName, null);
    },
  );

  it('paces calls to ten a minute on the virtual clock, in arrival order', async function () {
    const clock = new VirtualClock(0);
    const pacer = new Pacer(clock, 10, 60_000);
    const times = [];
    await Promise.all(Array.from({ length: 25 }, () => pacer.take().then(() => times.push(clock.now()))));
    assert.deepEqual(times.slice(0, 10), Array(10).fill(0));
    assert.deepEqual(times.slice(10, 20), Array(10).fill(60_000));
    assert.deepEqual(times.slice(20), Array(5).fill(120_000));
  });
});
