/** Rules on indicators.yaml: identities, areas, and targets that make sense. */
import { defineRule } from '../context.js';

export const indicatorsValid = defineRule({
  name: 'indicators-valid',
  codes: ['indicator/duplicate-id', 'indicator/unknown-area', 'indicator/percent-range', 'indicator/target-id'],
  run(docs, report) {
    const doc = docs.indicators;
    if (!doc?.data) return;
    const areas = docs.plan?.data ? new Set(docs.plan.data.areas.map((a) => a.id)) : undefined;
    const seen = new Set<string>();
    doc.data.indicators.forEach((ind, i) => {
      if (seen.has(ind.id)) report.at(doc.source, ['indicators', i, 'id'], 'indicator/duplicate-id', { id: ind.id });
      seen.add(ind.id);
      if (areas && !areas.has(ind.area)) report.at(doc.source, ['indicators', i, 'area'], 'indicator/unknown-area', { area: ind.area });
      const targets = ind.targets ?? [];
      targets.forEach((t, k) => {
        if (t.unit === '%' && t.value > 100) {
          report.at(doc.source, ['indicators', i, 'targets', k, 'value'], 'indicator/percent-range', { actual: t.value });
        }
        if (targets.length > 1 && !t.id) report.at(doc.source, ['indicators', i, 'targets', k], 'indicator/target-id', {});
        if (t.id !== undefined && t.id !== ind.id) {
          if (seen.has(t.id)) report.at(doc.source, ['indicators', i, 'targets', k, 'id'], 'indicator/duplicate-id', { id: t.id });
          seen.add(t.id);
        }
      });
    });
  },
});
