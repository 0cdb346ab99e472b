// Writes laid-out copies of bpmn/*.bpmn to src/main/resources/static/diagrams/ (the BPMN in bpmn/ has no BPMNDI,
// and the bpmn-js viewer cannot lay out by itself). Run after changing a diagram:
//   cd tools/bpmn-layout && npm install && npm run layout
import { readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutProcess } from 'bpmn-auto-layout';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, 'bpmn');
const target = join(root, 'src', 'main', 'resources', 'static', 'diagrams');

await mkdir(target, { recursive: true });
for (const name of (await readdir(source)).filter(f => f.endsWith('.bpmn')).sort()) {
  const xml = await readFile(join(source, name), 'utf8');
  const laidOut = await layoutProcess(xml);
  await writeFile(join(target, name), laidOut);
  console.log(`laid out ${name}`);
}
