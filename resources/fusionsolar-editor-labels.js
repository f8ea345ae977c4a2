// @ts-check
/* Node labels on the canvas: "realtimeKpi: 3 plants", "deviceList: msg.plants", "POST /vpp/plants". */
(function () {
  'use strict';
  /* Node-RED loads the editor scripts in any order: each other one is looked up when used. */
  function cat() {
    return window.FusionSolarCatalogue;
  }
  function rules() {
    return window.FusionSolarRules;
  }

  /* List parameters whose literal value says what the node works on, and the noun to count. */
  var COUNTED = [
    ['plantCodes', 'plants'],
    ['stationCodes', 'plants'],
    ['plantNames', 'plants'],
    ['dns', 'devices'],
    ['devIds', 'devices'],
    ['sns', 'sns'],
    ['authorizationCodes', 'codes'],
  ];

  function detail(node) {
    for (var i = 0; i < COUNTED.length; i++) {
      var field = COUNTED[i][0];
      var value = node[field];
      if (value === undefined || value === null || value === '') continue;
      var type = node[field + 'Type'] || 'str';
      if (type === 'msg' || type === 'flow' || type === 'global' || type === 'env') return type + '.' + value;
      var n =
        type === 'json'
          ? (function () {
              try {
                var v = JSON.parse(value);
                return Array.isArray(v) ? v.length : 1;
              } catch (e) {
                return 0;
              }
            })()
          : String(value)
              .split(',')
              .filter(function (s) {
                return s.trim();
              }).length;
      var noun = n === 1 ? COUNTED[i][1].replace(/s$/, '') : COUNTED[i][1];
      if (n) return cat().t('count.' + noun, { count: n }, n + ' ' + noun);
    }
    if (node.taskId !== undefined && node.taskId !== '' && (node.taskIdType || 'str') === 'str')
      return cat().t('task', { id: node.taskId }, 'task ' + node.taskId);
    return '';
  }

  function label(node) {
    if (node.name) return node.name;
    if (!node.operation && node.path)
      return (node.method || 'POST') + ' ' + String(node.path).replace(/^\/rest\/openapi\/pvms\/v1/, '');
    var def = node._def;
    var palette = !def
      ? ''
      : typeof def.paletteLabel === 'function'
        ? def.paletteLabel.call(def)
        : typeof def.paletteLabel === 'string'
          ? def.paletteLabel
          : '';
    var op = node.operation || palette || node.type;
    var more =
      node.allPlants === true && rules().usesRow(node.type, node.operation, 'allPlants')
        ? RED._('node-red-contrib-fusionsolar/' + node.type + ':' + node.type + '.label.allPlantsShort')
        : detail(node);
    return more ? op + ': ' + more : op;
  }

  window.FusionSolarLabels = { label: label };
})();
