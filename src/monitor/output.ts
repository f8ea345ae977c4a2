/** A message as the monitor sends it: the node copies these onto Node-RED messages. */
export interface OutMessage {
  topic: string;
  payload: unknown;
  /** MQTT out reads these when its own settings are empty. */
  retain?: boolean;
  qos?: 0 | 1 | 2;
}

export type Format = 'plain' | 'influxdb' | 'homeassistant';
export const FORMATS: readonly Format[] = ['plain', 'influxdb', 'homeassistant'];
