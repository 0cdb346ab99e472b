// Writes laid-out copies of bpmn/*.bpmn to src/main/resources/static/diagrams/ (the BPMN in bpmn/ has no BPMNDI,
// and the bpmn-js viewer cannot lay out by itself). Run after changing a diagram:
//   cd tools/bpmn-layout && npm install && npm run layout
import { readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, 'bpmn');
const target = join(root, 'src', 'main', 'resources', 'static', 'diagrams');
const moddle = new BpmnModdle();

await mkdir(target, { recursive: true });
for (const name of (await readdir(source)).filter(f => f.endsWith('.bpmn')).sort()) {
  const xml = await readFile(join(source, name), 'utf8');
  const laidOut = await drillDownPlanes(await layoutProcess(xml));
  await writeFile(join(target, name), laidOut);
  console.log(`laid out ${name}`);
}

/**
 * bpmn-auto-layout draws a sub-process collapsed and lays its content out in the sub-process's own coordinates, but
 * leaves that content in the main plane, where bpmn-js does not show it. Move it to a plane of its own, as bpmn-js
 * expects of a collapsed sub-process: the viewer then offers a drill-down into it.
 */
async function drillDownPlanes(xml) {
  const { rootElement: definitions } = await moddle.fromXML(xml);
  const mainDiagram = definitions.diagrams[0];
  const mainPlane = mainDiagram.plane;
  for (const subProcess of subProcesses(definitions)) {
    const inside = new Set(descendants(subProcess).map(e => e.id));
    const moved = mainPlane.planeElement.filter(di => di.bpmnElement && inside.has(di.bpmnElement.id));
    if (moved.length === 0) {
      continue;
    }
    mainPlane.planeElement = mainPlane.planeElement.filter(di => !moved.includes(di));
    const plane = moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${subProcess.id}`, bpmnElement: subProcess, planeElement: moved });
    definitions.diagrams.push(moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${subProcess.id}`, plane }));
    const shape = mainPlane.planeElement.find(di => di.bpmnElement === subProcess);
    if (shape) {
      shape.isExpanded = false;
    }
  }
  const { xml: out } = await moddle.toXML(definitions, { format: true });
  return out;
}

function subProcesses(definitions) {
  return definitions.rootElements
    .filter(e => e.$type === 'bpmn:Process')
    .flatMap(p => descendants(p))
    .filter(e => e.$type === 'bpmn:SubProcess');
}

/** Every flow element nested (at any depth) in a process or sub-process. */
function descendants(container) {
  return (container.flowElements || []).flatMap(e => [e, ...descendants(e)]);
}
