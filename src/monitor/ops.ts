import { operation } from '../api';
import type { OperationDef } from '../api/core/types';

/** A catalogue operation by its DESIGN name on the account's interface. */
export function opFor(api: 'v7' | 'v6', name: string): OperationDef {
  const found = operation(name, api);
  if (!found) throw new Error(`the catalogue has no ${api} ${name} operation`);
  return found;
}

/** The plant list parameter as the interface names it (V6 also takes plantCodes, but says stationCodes). */
export function codesKey(api: 'v7' | 'v6'): 'plantCodes' | 'stationCodes' {
  return api === 'v6' ? 'stationCodes' : 'plantCodes';
}
