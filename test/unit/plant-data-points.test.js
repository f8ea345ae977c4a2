'use strict';
const assert = require('node:assert/strict');
const { mergeHistory, normaliseHistory } = require('../../dist/src/api');
const { realtimeKpi, ratedData } = require('../../dist/src/api');
const { rangeTimes } = require('../../dist/src/api');
const { offsetOf } = require('../../dist/src/api');
const { must } = require('../helpers/must');

const HOUR = 3_600_000;

/** The normalisers here read no context: they are handed none. */
const NO_CONTEXT = /** @type {import('../../dist/src/api').ExecContext} */ (/** @type {unknown} */ (undefined));

describe('plant data normalisation and merging', function () {
  it('normalises history points: OCR keys, both offset spellings, numbers, "N/A", voltages', function () {
    const data = /** @type {Array<{ dataItem: Array<Record<string, unknown>>, dataltem?: unknown }>} */ (
      normaliseHistory([
        {
          plantCode: 'NE=1',
          dataltem: [
            {
              dataTime: '2017-08-05T00:05:00.000+0800',
              gridVoltage: '231.5',
              pvEnergy: 'N/A',
              batterySOC: '',
              extra: 'kept',
            },
            {
              dataTime: '2017-08-05T00:00:00+08:00',
              gridAPhaseVoltage: 229,
              gridABWireVoltage: 'null',
              pvEnergy: '0.25',
            },
          ],
        },
      ])
    );
    const [a, b] = data[0].dataItem;
    assert.equal(data[0].dataltem, undefined);
    assert.equal(a.time, Date.UTC(2017, 7, 4, 16, 5));
    assert.equal(b.time, Date.UTC(2017, 7, 4, 16, 0));
    assert.equal(a.dataTime, '2017-08-05T00:05:00.000+0800');
    assert.deepEqual([a.gridVoltage, a.pvEnergy, a.batterySOC, a.extra], [231.5, null, null, 'kept']);
    assert.deepEqual([b.gridAPhaseVoltage, b.gridABWireVoltage, b.pvEnergy], [229, null, 0.25]);
  });

  it('merges windows per plant in time order, each time once, plants in the order asked for', function () {
    const t0 = Date.UTC(2026, 5, 20);
    const pts = (from, n) =>
      Array.from({ length: n }, (_, i) => ({
        dataTime: new Date(t0 + (from + i) * 300_000).toISOString(),
        pvEnergy: from + i,
      }));
    const part = (code, from, n) =>
      /** @type {object[]} */ (normaliseHistory([{ plantCode: code, dataItem: pts(from, n) }]));
    // The second window repeats the first one's last point, as a server including the end would.
    const merged = mergeHistory(
      [part('NE=2', 3, 3), part('NE=1', 0, 3), [...part('NE=2', 0, 4), ...part('NE=1', 2, 3)]],
      ['NE=1', 'NE=2', 'NE=3'],
    );
    assert.deepEqual(
      merged.map((p) => p.plantCode),
      ['NE=1', 'NE=2'],
    );
    for (const plant of merged) {
      assert.deepEqual(
        plant.dataItem.map((p) => p.pvEnergy),
        plant.plantCode === 'NE=1' ? [0, 1, 2, 3, 4] : [0, 1, 2, 3, 4, 5],
      );
    }
  });

  it('fills meterPower from pmeterPower and keeps dataItemMap under its real name', function () {
    // These normalisers read no context.
    const [item] = /** @type {Array<Record<string, unknown>>} */ (
      must(
        realtimeKpi.normalise?.(
          [{ plantCode: 'NE=1', dataltemMap: { pmeterPower: '-1.5', batterySOC: 'N/A', healthState: '3' } }],
          {},
          NO_CONTEXT,
        ),
        'the normalised answer',
      )
    );
    assert.deepEqual(item.dataItemMap, { pmeterPower: -1.5, meterPower: -1.5, batterySOC: null, healthState: 3 });
    assert.equal(item.dataltemMap, undefined);
  });

  it('merges rated data of several chunks into one map with the summed total', function () {
    const parts = [
      ratedData.normalise?.(
        { total: 1, plantRatedData: [{ plantCode: 'NE=1', ratedActivePower: '6.001' }] },
        {},
        NO_CONTEXT,
      ),
      ratedData.normalise?.([{ plantCode: 'NE=2', ratedApparentPower: 21 }], {}, NO_CONTEXT),
    ];
    const merged = /** @type {{ total: number, plantRatedData: Array<Record<string, unknown>> }} */ (
      ratedData.merge?.(parts, {})
    );
    assert.equal(merged.total, 2);
    assert.deepEqual(
      merged.plantRatedData.map((p) => p.plantCode),
      ['NE=1', 'NE=2'],
    );
    assert.equal(merged.plantRatedData[0].ratedActivePower, 6.001);
    assert.deepEqual(ratedData.items?.(merged).length, 2);
  });

  it('computes relative ranges in the plant time zone', function () {
    const now = Date.UTC(2026, 5, 21, 2, 7, 30);
    assert.deepEqual(rangeTimes('last24h', 480, now), {
      startTime: Date.UTC(2026, 5, 20, 2, 5),
      endTime: Date.UTC(2026, 5, 21, 2, 5),
    });
    // 10:07 in Shenzhen (+08:00): yesterday is 20 June there.
    assert.deepEqual(rangeTimes('yesterday', 480, now), {
      startTime: Date.UTC(2026, 5, 19, 16),
      endTime: Date.UTC(2026, 5, 20, 16),
    });
    assert.deepEqual(rangeTimes('today', 480, now), {
      startTime: Date.UTC(2026, 5, 20, 16),
      endTime: Date.UTC(2026, 5, 21, 16),
    });
    // 23:07 on 20 June in Santiago (-03:00).
    assert.deepEqual(rangeTimes('today', -180, now), {
      startTime: Date.UTC(2026, 5, 20, 3),
      endTime: Date.UTC(2026, 5, 21, 3),
    });
    assert.equal(rangeTimes('yesterday', 0, now).endTime - rangeTimes('yesterday', 0, now).startTime, 24 * HOUR);
  });

  it('reads UTC offsets from both timestamp spellings', function () {
    assert.equal(offsetOf('2020-02-06T00:00:00+08:00'), 480);
    assert.equal(offsetOf('2017-08-05T00:00:00.000+0800'), 480);
    assert.equal(offsetOf('2022-01-15T00:00:00-03:30'), -210);
    assert.equal(offsetOf('2022-01-15T00:00:00Z'), 0);
    assert.equal(offsetOf('2022-01-15'), undefined);
  });
});
