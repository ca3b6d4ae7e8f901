// Generates a corpus of plan folders of realistic sizes for `npm run bench`: 3-8 areas,
// 8-60 tasks, 3-10 budget lines, indicators with targets, two progress files; one folder
// in ten carries errors (an unknown unit, a wrong total, an impossible date, a bad quarter).
// Deterministic (seeded), so reruns measure the same files.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT, deadlines, randomText } from './lib.mjs';

// The amount in words comes from cchc's own function, compiled on the fly.
const { outputFiles } = buildSync({ entryPoints: [path.join(ROOT, 'src/model/money-words.ts')], bundle: true, write: false, format: 'esm', platform: 'node' });
const { moneyToWords } = await import('data:text/javascript;base64,' + Buffer.from(outputFiles[0].text).toString('base64'));

const UNITS = [
  ['van-phong', 'Văn phòng Sở'],
  ['thanh-tra', 'Thanh tra Sở'],
  ['ke-hoach-tai-chinh', 'Phòng Kế hoạch - Tài chính'],
  ['phong-nghiep-vu', 'Các phòng nghiệp vụ'],
  ['lien-quan', 'Các phòng, đơn vị liên quan'],
];

const head = (kind, file) => `# yaml-language-server: $schema=../../schemas/${file}.schema.json\napiVersion: cchc/v1\nkind: ${kind}\n`;

export function planFolder(i, seed = 1) {
  const { r, pick, sentence } = randomText(seed * 100003 + i);
  const year = 2020 + (i % 6);
  const areas = 3 + Math.floor(r() * 6);
  const taskCount = 8 + Math.floor(r() * 53);
  const bad = i % 10 === 7;
  const files = {};
  files['plan.yaml'] =
    head('Plan', 'plan') +
    `year: ${year}\nagency:\n  name: Sở số ${i}\n  parent: UBND tỉnh\nplace: Tỉnh\nnumber: null\nsymbol: KH-S${i}\ndate: null\nstatus: draft\ntitle: Kế hoạch cải cách hành chính năm ${year}\n` +
    `purposes:\n${Array.from({ length: 3 }, () => `  - ${sentence(30)}.\n`).join('')}requirements:\n${Array.from({ length: 2 }, () => `  - ${sentence(25)}.\n`).join('')}` +
    `areas:\n${Array.from({ length: areas }, (_, a) => `  - id: ${a + 1}\n    title: ${sentence(4)}\n    solutions:\n${Array.from({ length: 3 + Math.floor(r() * 5) }, () => `      - ${sentence(40)}.\n`).join('')}`).join('')}` +
    `funding:\n  source: Nguồn ngân sách tỉnh năm ${year}.\nsigner:\n  title: GIÁM ĐỐC\n  name: Người ký ${i}\nrecipients:\n  - UBND tỉnh (báo cáo)\n`;
  files['units.yaml'] = head('Units', 'units') + `units:\n${UNITS.map(([id, n]) => `  - id: ${id}\n    name: ${n}\n`).join('')}`;
  const tasks = [];
  for (let t = 1; t <= taskCount; t++) {
    const area = Math.min(areas, 1 + Math.floor(((t - 1) * areas) / taskCount));
    const lead = bad && t === 3 ? 'van-phongg' : pick(UNITS.slice(0, 4))[0];
    const deadline = bad && t === 5 ? `Quý V/${year}` : pick(deadlines(year));
    tasks.push(
      `  - no: ${t}\n    id: t${t}\n    area: ${area}\n    title: ${sentence(12 + Math.floor(r() * 20))}\n    lead: [${lead}]\n    coordinating: [lien-quan]\n    product: ${sentence(5)}\n    deadline: ${deadline}\n`,
    );
  }
  // Every area gets at least one task (areas with none only warn, but keep the corpus realistic).
  files['tasks.yaml'] = head('Tasks', 'tasks') + `title: NHIỆM VỤ TRỌNG TÂM\ntasks:\n${tasks.join('')}`;
  files['indicators.yaml'] =
    head('Indicators', 'indicators') +
    `indicators:\n${Array.from({ length: areas }, (_, a) => `  - id: "${a + 1}.1"\n    area: ${a + 1}\n    text: ${sentence(20)}\n    targets:\n      - comparator: ">="\n        value: ${50 + Math.floor(r() * 50)}\n        unit: "%"\n`).join('')}`;
  const lines = 3 + Math.floor(r() * 8);
  const amounts = Array.from({ length: lines }, () => (1 + Math.floor(r() * 50)) * 500000);
  const total = amounts.reduce((a, b) => a + b, 0) + (bad ? 1000 : 0);
  files['budget.yaml'] =
    head('Budget', 'budget') +
    `title: KẾ HOẠCH DỰ TRÙ KINH PHÍ\nlines:\n${amounts.map((a, k) => `  - no: ${k + 1}\n    content: ${sentence(8)}\n    amount: ${a}\n`).join('')}total: ${total}\ntotalInWords: ${moneyToWords(total)}\n`;
  const progress = (asOf, share) =>
    head('Progress', 'progress').replace('../../schemas', '../../../schemas') +
    `asOf: ${asOf}\ntasks:\n${Array.from({ length: taskCount }, (_, t) => {
      const done = r() < share;
      return done
        ? `  - task: ${t + 1}\n    status: done\n    percent: 100\n    completed: ${bad && t === 2 ? `${year}-02-30` : `${year}-03-01`}\n`
        : `  - task: ${t + 1}\n    status: in-progress\n    percent: ${Math.floor(r() * 99)}\n`;
    }).join('')}budget:\n  - line: 1\n    spent: ${Math.min(amounts[0], 500000)}\n`;
  files['progress/q1.yaml'] = progress(`${year}-03-14`, 0.2);
  files['progress/6m.yaml'] = progress(`${year}-06-14`, 0.5);
  return files;
}

export function writeCorpus(root, n, seed = 1) {
  rmSync(root, { recursive: true, force: true });
  for (let i = 0; i < n; i++) {
    const dir = path.join(root, `plan-${String(i).padStart(5, '0')}`);
    mkdirSync(path.join(dir, 'progress'), { recursive: true });
    for (const [name, text] of Object.entries(planFolder(i, seed))) writeFileSync(path.join(dir, name), text);
  }
  // The schemas beside the corpus, so the $schema comments resolve as in a real repository.
  return root;
}
