import { library } from '../shared/lazy';
import type { OperationHooks } from '../shared/operation-node';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** V7 9.3.1-9.3.3, 9.5.1, 9.6.1.5 and V6 6.1.4: plant information, real-time, history, reports, rated data. */

/** The message's own parameters beat the node's options ("all plants", relative range). */
const withPlants = (options: string[]): OperationHooks => ({
  options,
  run: (op, params, opts, ctx) => {
    const { runPlantData, isObject } = library();
    return runPlantData(op, params, opts, ctx, isObject(ctx.msg.payload) ? Object.keys(ctx.msg.payload) : []);
  },
});

export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-plant-data',
    operations: () => library().operationsOf('fusionsolar-plant-data'),
    hooks: {
      plantInfo: withPlants(['allPlants']),
      realtimeKpi: withPlants(['allPlants']),
      historyKpi: withPlants(['allPlants', 'range']),
      ratedData: withPlants(['allPlants']),
      // V6 reports (realtimeKpi above serves both interfaces).
      hourKpi: withPlants(['allPlants']),
      dayKpi: withPlants(['allPlants']),
      monthKpi: withPlants(['allPlants']),
      yearKpi: withPlants(['allPlants']),
    },
    summary: (op, result, t) => {
      const items = op.items ? op.items(result.payload) : result.payload;
      if (!Array.isArray(items)) return t('status.ok');
      return t(op.name === 'fiveMinuteKpi' ? 'status.points' : 'status.plants', { count: items.length });
    },
  });
};
