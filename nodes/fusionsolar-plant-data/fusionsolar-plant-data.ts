import { operationsOf } from '../../src/api';
import { isObject } from '../../src/api/core/normalise';
import { runPlantData } from '../../src/api/plant-data/run';
import type { OperationHooks } from '../shared/operation-node';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** 9.3.1-9.3.3, 9.5.1, 9.6.1.5: plant information, real-time, history and rated data. */

/** The message's own parameters beat the node's options ("all plants", relative range). */
const withPlants: OperationHooks = {
  run: (op, params, opts, ctx) => runPlantData(op, params, opts, ctx, isObject(ctx.msg.payload) ? Object.keys(ctx.msg.payload) : []),
};

export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-plant-data',
    operations: operationsOf('fusionsolar-plant-data'),
    hooks: {
      plantInfo: withPlants,
      realtimeKpi: withPlants,
      historyKpi: withPlants,
      ratedData: withPlants,
    },
    summary: (op, result, t) => {
      const items = op.items ? op.items(result.payload) : result.payload;
      if (!Array.isArray(items)) return t('status.ok');
      return t(op.name === 'fiveMinuteKpi' ? 'status.points' : 'status.plants', { count: items.length });
    },
  });
};
