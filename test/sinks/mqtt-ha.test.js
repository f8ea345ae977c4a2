'use strict';
// The Home Assistant example against Debian's mosquitto: the core MQTT out node publishes the
// monitor's discovery; a subscriber checks topics, retained flags and payloads, and a
// Home Assistant "online" on homeassistant/status brings the configs again.
const assert = require('node:assert/strict');
const mqtt = require('mqtt');
const { startMosquitto } = require('./services');
const { runExample, stopExample, waitFor, helper } = require('./flow');

const PLANTS = ['NE=33554432', 'NE=33554433'];
const FIELDS = 10;

function subscriber(port) {
  const c = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
    clientId: `check-${Math.random().toString(16).slice(2)}`,
    reconnectPeriod: 0,
  });
  const got = [];
  c.on('message', (topic, payload, packet) =>
    got.push({ topic, text: payload.toString(), retain: packet.retain, qos: packet.qos }),
  );
  const ready = new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
    c.once('connect', () =>
      c.subscribe(['homeassistant/#', 'fusionsolar/#'], { qos: 1 }, (err) => (err ? reject(err) : resolve())),
    );
    c.once('error', reject);
  });
  return { c, got, ready };
}

describe('sinks: monitor -> core MQTT out -> mosquitto (Home Assistant discovery)', function () {
  this.timeout(60_000);
  let broker;
  let run;
  const clients = [];
  before(async function () {
    broker = await startMosquitto();
  });
  after(async function () {
    for (const c of clients) c.end(true);
    if (run) await stopExample(run.sim);
    if (broker) await broker.stop();
  });

  it('publishes retained discovery per entity and states; announces again after "online"', async function () {
    const live = subscriber(broker.port);
    clients.push(live.c);
    await live.ready;
    run = await runExample('monitor-home-assistant.json', (n) =>
      n.type === 'mqtt-broker' ? { ...n, port: String(broker.port) } : n,
    );
    const configs = () => live.got.filter((m) => m.topic.endsWith('/config'));
    const seen = [];
    helper.getNode('mha-debug').on('input', (m) => seen.push(m));
    await waitFor(
      () =>
        configs().length === PLANTS.length * FIELDS &&
        live.got.filter((m) => m.topic.endsWith('/state')).length === PLANTS.length,
      'the first discovery',
    );

    // A subscriber that comes later (Home Assistant starting) gets everything as retained messages.
    const late = subscriber(broker.port);
    clients.push(late.c);
    await late.ready;
    await waitFor(() => late.got.length === PLANTS.length * (FIELDS + 1), 'retained messages');
    assert.ok(
      late.got.every((m) => m.retain === true),
      'every config and state is retained',
    );
    const topics = late.got.filter((m) => m.topic.endsWith('/config')).map((m) => m.topic);
    assert.equal(new Set(topics).size, PLANTS.length * FIELDS);
    for (const t of topics)
      assert.match(t, /^homeassistant\/sensor\/fusionsolar_plant_NE_3355443[23]_[A-Za-z]+\/config$/);

    const cfg = Object.fromEntries(
      late.got.filter((m) => m.topic.endsWith('/config')).map((m) => [m.topic.split('/')[2], JSON.parse(m.text)]),
    );
    const total = cfg.fusionsolar_plant_NE_33554432_totalEnergy;
    assert.deepEqual(
      [total.device_class, total.state_class, total.unit_of_measurement],
      ['energy', 'total_increasing', 'kWh'],
    );
    const soc = cfg.fusionsolar_plant_NE_33554433_batterySOC;
    assert.deepEqual([soc.device_class, soc.state_class, soc.unit_of_measurement], ['battery', 'measurement', '%']);
    assert.deepEqual(
      [
        cfg.fusionsolar_plant_NE_33554432_loadPower.device_class,
        cfg.fusionsolar_plant_NE_33554432_loadPower.unit_of_measurement,
      ],
      ['power', 'kW'],
    );
    assert.equal(total.device.manufacturer, 'Huawei');
    assert.equal(total.device.name, 'Sim Plant 0001');
    const state = JSON.parse(late.got.find((m) => m.topic === total.state_topic).text);
    assert.equal(typeof state.totalEnergy, 'number');

    // Home Assistant restarts: its birth message reaches the monitor through the MQTT in node.
    const before = configs().length;
    live.c.publish('homeassistant/status', 'online', { qos: 1 });
    await waitFor(() => configs().length === before + PLANTS.length * FIELDS, 'discovery after online');
    const again = configs()
      .slice(before)
      .map((m) => m.topic)
      .sort();
    assert.deepEqual(again, [...topics].sort(), 'the same entities, the same unique ids');

    // The clock runs on: the next rounds bring states, and no entity is announced a third time.
    run.freeze();
    const until = run.clock.now() + 15 * 60_000;
    while (run.clock.now() < until) await run.clock.sleep(60_000);
    await waitFor(() => live.got.filter((m) => m.topic.endsWith('/state')).length > PLANTS.length * 2, 'later states');
    assert.equal(configs().length, before + PLANTS.length * FIELDS);
    assert.ok(
      seen.every((m) => m.retain === true && m.qos === 1),
      'the messages carry retain and QoS for MQTT out',
    );
  });
});
