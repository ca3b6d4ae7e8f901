/**
 * The plan's frame in the diff: units and areas matched by id, and plan.yaml's own fields
 * (number, signer, preamble, lists). Pure.
 */
import type { Plan, PlanFile } from '../../model/plan.js';
import { listChange, push, textChange, valueChange } from './words.js';
import type { AreaChange, Change, ListChange, PlanDiff } from './types.js';

export function diffUnits(pa: Plan, pb: Plan): PlanDiff['units'] {
  const byA = new Map(pa.units.map((u) => [u.id, u]));
  const byB = new Map(pb.units.map((u) => [u.id, u]));
  const changed: { id: string; changes: Change[] }[] = [];
  for (const u of pb.units) {
    const x = byA.get(u.id);
    if (!x) continue;
    const changes: Change[] = [];
    push(changes, valueChange('name', x.name, u.name));
    push(changes, valueChange('group', x.group ?? false, u.group ?? false));
    if (changes.length > 0) changed.push({ id: u.id, changes });
  }
  return {
    added: pb.units.filter((u) => !byA.has(u.id)),
    removed: pa.units.filter((u) => !byB.has(u.id)),
    changed,
  };
}

export function diffAreas(pa: Plan, pb: Plan): PlanDiff['areas'] {
  const byA = new Map(pa.meta.areas.map((x) => [x.id, x]));
  const byB = new Map(pb.meta.areas.map((x) => [x.id, x]));
  const changed: AreaChange[] = [];
  for (const b of pb.meta.areas) {
    const a = byA.get(b.id);
    if (!a) continue;
    const changes: Change[] = [];
    push(changes, textChange('title', a.title, b.title));
    push(changes, textChange('appendixTitle', a.appendixTitle, b.appendixTitle));
    const lists: ListChange[] = [];
    push(lists, listChange('solutions', a.solutions, b.solutions));
    if (changes.length + lists.length > 0) changed.push({ id: b.id, title: b.title, changes, lists });
  }
  return {
    added: pb.meta.areas.filter((x) => !byA.has(x.id)).map((x) => ({ id: x.id, title: x.title })),
    removed: pa.meta.areas.filter((x) => !byB.has(x.id)).map((x) => ({ id: x.id, title: x.title })),
    changed,
  };
}

function signerText(s: PlanFile['signer']): string | null {
  return s ? `${s.title} ${s.name}`.trim() : null;
}

export function diffMetadata(a: PlanFile, b: PlanFile): PlanDiff['metadata'] {
  const changes: Change[] = [];
  push(changes, valueChange('year', a.year, b.year));
  push(changes, textChange('title', a.title, b.title));
  push(changes, valueChange('status', a.status, b.status));
  push(changes, valueChange('number', a.number, b.number));
  push(changes, valueChange('symbol', a.symbol, b.symbol));
  push(changes, valueChange('date', a.date, b.date));
  push(changes, valueChange('signer', signerText(a.signer), signerText(b.signer)));
  push(changes, textChange('agency', a.agency.name, b.agency.name));
  push(changes, textChange('agencyShortName', a.agency.shortName, b.agency.shortName));
  push(changes, textChange('agencyParent', a.agency.parent, b.agency.parent));
  push(changes, textChange('place', a.place, b.place));
  push(changes, textChange('preamble', a.preamble, b.preamble));
  push(changes, textChange('funding', a.funding?.source, b.funding?.source));
  push(changes, textChange('annexNote', a.annexNote, b.annexNote));
  push(changes, textChange('closing', a.closing, b.closing));
  const lists: ListChange[] = [];
  push(lists, listChange('legalBases', a.legalBases, b.legalBases));
  push(lists, listChange('purposes', a.purposes, b.purposes));
  push(lists, listChange('requirements', a.requirements, b.requirements));
  const duties = (p: PlanFile) => (p.implementation ?? []).flatMap((x) => x.duties.map((d) => `${x.unit}: ${d}`));
  push(lists, listChange('implementation', duties(a), duties(b)));
  push(lists, listChange('recipients', a.recipients, b.recipients));
  return { changes, lists };
}
