// Lays out a BPMN file of bpmn/ that has no diagram yet, in place: the engine and the case page read the same files,
// and a file without BPMN DI cannot be opened in Camunda Modeler nor drawn by bpmn-js. The process XML stays exactly
// as written (comments too): only a <bpmndi:BPMNDiagram> per plane is added before </bpmn:definitions>.
//   cd tools/bpmn-layout && npm ci && npm run layout -- ../../bpmn/new-rung.bpmn
// A file that already has a diagram is left alone unless --replace is given (its diagram is then drawn anew, losing
// any hand-made changes); with --reroute only its flows and labels are drawn anew around the shapes where they stand
// (after moving shapes by hand). The result is committed: bpmn/ is the source, BpmnDiagramTest checks the drawing.
//
// bpmn-auto-layout puts the shapes on a grid; it is kept for that, and the rest is done here: columns as wide as their
// widest shape, boundary events spread along their host (and the host widened to hold them), every sequence flow
// routed orthogonally around the shapes and off the other flows, and labels where no flow runs through them.
import { readFile, writeFile } from 'node:fs/promises';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const reroute = args.includes('--reroute');
const files = args.filter(a => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run layout -- [--replace | --reroute] FILE.bpmn...');
  process.exit(2);
}

const moddle = new BpmnModdle();

/** Layout of the grid: the gap between columns and between rows, and where the first cell starts. */
const COLUMN_GAP = 60;
const NAMED_GAP = 150;
const ROW_HEIGHT = 170;
const ORIGIN = { x: 60, y: 80 };
/** How far a flow keeps from shapes it does not touch, and the first straight piece out of a shape or into one. */
const CLEARANCE = 12;
const STUB = 24;
/**
 * Router costs, in diagram units of length: a bend, a crossing, running along another flow (never wanted), sharing a
 * stretch with a flow out of or into the same shape (across; a trunk running up or down is free), and running through
 * where a gateway's or an event's name will be.
 */
const BEND = 30;
const CROSSING = 40;
const OVERLAP = 2000;
const SHARED = 100;
const SHARED_TRUNK = 0;
const THROUGH_LABEL = 150;
const LABEL = { width: 110, lineHeight: 15, charWidth: 6.2 };
const EVENT_LABEL = 100;
/** Between the centres of boundary events on one host. */
const BOUNDARY_SPACING = 50;
/** How far below a boundary event the drill-down button of its collapsed sub-process host reaches. */
const DRILL_DOWN = 22;

async function main() {
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const hasDiagram = /<bpmndi:BPMNDiagram\b/.test(source);
    if (hasDiagram && !replace && !reroute) {
      console.log(`${file}: has a diagram already (--replace draws it anew, --reroute only its flows)`);
      continue;
    }
    const semantic = source.replace(/\s*<bpmndi:BPMNDiagram\b[\s\S]*?<\/bpmndi:BPMNDiagram>/g, '');
    let definitions;
    if (hasDiagram && reroute) {
      ({ rootElement: definitions } = await moddle.fromXML(source));
    } else {
      ({ rootElement: definitions } = await moddle.fromXML(await layoutProcess(semantic)));
      drillDownPlanes(definitions);
      for (const diagram of definitions.diagrams) {
        placeOnGrid(diagram.plane);
      }
    }
    for (const diagram of definitions.diagrams) {
      routePlane(diagram.plane);
    }
    await writeFile(file, withDiagrams(semantic, await diagramsXml(definitions)));
    console.log(`${file}: laid out`);
  }
}

/**
 * bpmn-auto-layout draws a sub-process collapsed and lays its content out in the sub-process's own coordinates, but
 * leaves that content in the main plane, where bpmn-js does not show it. Move it to a plane of its own, as bpmn-js
 * expects of a collapsed sub-process: the viewer then offers a drill-down into it.
 */
function drillDownPlanes(definitions) {
  const mainPlane = definitions.diagrams[0].plane;
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

const isBoundary = di => di.bpmnElement.$type === 'bpmn:BoundaryEvent';
const shapesOf = plane => plane.planeElement.filter(di => di.$type === 'bpmndi:BPMNShape');
const edgesOf = plane => plane.planeElement.filter(di => di.$type === 'bpmndi:BPMNEdge');
const centre = b => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * Keeps bpmn-auto-layout's grid cells (150 × 140 each) but gives each column the width of its widest shape plus a gap
 * and each row room for labels, widens a host to hold its boundary events side by side, and puts those on its bottom.
 */
function placeOnGrid(plane) {
  const shapes = shapesOf(plane);
  const hosts = new Map();
  for (const di of shapes.filter(isBoundary)) {
    const host = di.bpmnElement.attachedToRef.id;
    hosts.set(host, [...(hosts.get(host) || []), di]);
  }
  // a shape is centred in its cell; the first column's and row's centres tell where the grid starts
  const placed = shapes.filter(d => !isBoundary(d)).map(d => centre(d.bounds));
  const left = Math.min(...placed.map(c => c.x)) - 75;
  const top = Math.min(...placed.map(c => c.y)) - 70;
  const cell = di => {
    const c = centre(di.bounds);
    return { col: Math.floor((c.x - left) / 150), row: Math.floor((c.y - top) / 140) };
  };
  const width = di => {
    const attached = hosts.get(di.bpmnElement.id) || [];
    return attached.length > 1 ? Math.max(di.bounds.width, BOUNDARY_SPACING * (attached.length + 1)) : di.bounds.width;
  };
  const columns = [];
  for (const di of shapes.filter(d => !isBoundary(d))) {
    const { col } = cell(di);
    columns[col] = Math.max(columns[col] || 0, width(di));
  }
  // a named flow from one column to the next, within a row, carries its name in the gap: room for a long word
  const gaps = columns.map(() => COLUMN_GAP);
  const cellOf = new Map(shapes.map(di => [di.bpmnElement.id, cell(di)]));
  for (const edge of edgesOf(plane).filter(e => e.bpmnElement.name)) {
    const from = cellOf.get(edge.bpmnElement.sourceRef.id);
    const to = cellOf.get(edge.bpmnElement.targetRef.id);
    if (from && to && from.row === to.row && to.col === from.col + 1) {
      gaps[from.col] = Math.max(gaps[from.col], NAMED_GAP);
    }
  }
  const columnX = [];
  let x = ORIGIN.x;
  for (let c = 0; c < columns.length; c++) {
    columnX[c] = x;
    x += (columns[c] || 100) + gaps[c];
  }
  for (const di of shapes.filter(d => !isBoundary(d))) {
    const { col, row } = cell(di);
    const w = width(di);
    di.bounds.width = w;
    di.bounds.x = columnX[col] + ((columns[col] || w) - w) / 2;
    di.bounds.y = ORIGIN.y + row * ROW_HEIGHT + (80 - di.bounds.height) / 2;
  }
  const byId = new Map(shapes.map(di => [di.bpmnElement.id, di]));
  for (const [host, attached] of hosts) {
    const h = byId.get(host).bounds;
    attached.forEach((di, i) => {
      const c = h.x + h.width * (i + 1) / (attached.length + 1);
      di.bounds.x = c - di.bounds.width / 2;
      di.bounds.y = h.y + h.height - di.bounds.height / 2;
    });
  }
}

/** Routes every sequence flow of the plane, then places the labels of named flows, gateways and boundary events. */
function routePlane(plane) {
  const shapes = shapesOf(plane);
  const byId = new Map(shapes.map(di => [di.bpmnElement.id, di]));
  const edges = edgesOf(plane).filter(e => byId.has(e.bpmnElement.sourceRef.id) && byId.has(e.bpmnElement.targetRef.id));
  const obstacles = shapes.map(d => ({ id: d.bpmnElement.id, ...inflate(d.bounds, isBoundary(d) ? 4 : CLEARANCE) }));
  const routed = [];
  // where the names of gateways (above them) and of events (under them) will be: flows keep off them where they can
  const labels = shapes.filter(d => d.bpmnElement.name && !isBoundary(d) && /(Gateway|Event)$/.test(d.bpmnElement.$type))
    .map(d => ({ id: d.bpmnElement.id, ...(/Gateway$/.test(d.bpmnElement.$type) ? aboveLabel(d.bounds, d.bpmnElement.name)
      : eventLabel(d.bounds, d.bpmnElement.name)) }));
  // the short flows first (the main line within a row, then the branches to the next row), the flows back last
  const order = [...edges].sort((a, b) => effort(a) - effort(b));
  function effort(edge) {
    const s = centre(byId.get(edge.bpmnElement.sourceRef.id).bounds);
    const t = centre(byId.get(edge.bpmnElement.targetRef.id).bounds);
    return Math.abs(s.y - t.y) + (t.x < s.x ? 100000 : 0) + Math.abs(t.x - s.x);
  }
  for (const edge of order) {
    const source = byId.get(edge.bpmnElement.sourceRef.id);
    const target = byId.get(edge.bpmnElement.targetRef.id);
    // flows out of one shape may share their first stretch, and flows into one shape their last (a fan-out, a join):
    // freely along a trunk that runs up or down, at a price across (where a port of its own is at hand, take it)
    const related = r => r.source === source.bpmnElement.id || r.target === target.bpmnElement.id;
    const price = r => !related(r) ? OVERLAP : r.a.x === r.b.x ? SHARED_TRUNK : SHARED;
    const points = route(source, target, obstacles, routed.map(r => ({ ...r, cost: price(r) })), shapes, labels);
    edge.waypoint = points.map(p => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) }));
    delete edge.label;
    for (let i = 1; i < points.length; i++) {
      routed.push({ a: points[i - 1], b: points[i], source: source.bpmnElement.id, target: target.bpmnElement.id, flow: edge });
    }
  }
  for (const edge of edges) {
    if (edge.bpmnElement.name) {
      const siblings = routed.filter(r => r.flow !== edge && r.source === edge.bpmnElement.sourceRef.id);
      edge.label = label(flowLabel(edge.waypoint, edge.bpmnElement.name, siblings));
    }
  }
  for (const di of shapes) {
    const element = di.bpmnElement;
    if (!element.name) {
      continue;
    }
    if (isBoundary(di)) {
      const siblings = shapes.filter(s => isBoundary(s) && s.bpmnElement.attachedToRef === element.attachedToRef);
      const next = siblings[siblings.indexOf(di) + 1];
      const nextFlow = next && edges.find(e => e.bpmnElement.sourceRef === next.bpmnElement);
      // where the next sibling's flow has turned away, below which this name has room beside its own flow
      const clearBelow = nextFlow ? Math.max(...nextFlow.waypoint.slice(0, 2).map(p => p.y)) : 0;
      // bpmn-js puts a collapsed sub-process's drill-down button under its right corner: the last name goes below it
      const host = shapes.find(s => s.bpmnElement === element.attachedToRef);
      const drillDown = host && host.bpmnElement.$type === 'bpmn:SubProcess' && !host.isExpanded ? DRILL_DOWN : 0;
      di.label = label(boundaryLabel(di.bounds, element.name, siblings.indexOf(di), siblings.length, clearBelow, drillDown));
    } else if (/Event$/.test(element.$type)) {
      di.label = label(eventLabel(di.bounds, element.name));
    } else if (/Gateway$/.test(element.$type)) {
      const used = y => edges.some(e => [e.waypoint[0], e.waypoint[e.waypoint.length - 1]]
        .some(p => p.x === Math.round(centre(di.bounds).x) && p.y === Math.round(y)));
      const b = di.bounds;
      di.label = label(!used(b.y) ? aboveLabel(b, element.name)
        : !used(b.y + b.height) ? belowLabel(b, element.name) : aboveLeftLabel(b, element.name));
    }
  }
}

function label(bounds) {
  return moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds', roundBounds(bounds)) });
}

function roundBounds(b) {
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
}

function lines(name, width) {
  const perLine = Math.max(1, Math.floor(width / LABEL.charWidth));
  let count = 1;
  let used = 0;
  for (const word of name.split(/\s+/)) {
    if (used > 0 && used + 1 + word.length > perLine) {
      count++;
      used = word.length;
    } else {
      used += (used > 0 ? 1 : 0) + word.length;
    }
  }
  return count;
}

/**
 * A gateway's name above it, where no flow leaves (flows leave a gateway right and down), a line higher than its
 * English takes: bpmn-js writes a name from the top of its box down, and a translated one may need a line more.
 */
function aboveLabel(b, name) {
  const height = (lines(name, LABEL.width) + 1) * LABEL.lineHeight;
  return { x: b.x + b.width / 2 - LABEL.width / 2, y: b.y - 6 - height, width: LABEL.width, height };
}

/**
 * An event's name under it, in bounds of its own (EVENT_LABEL wide, narrower than the gap to the next column), and
 * below the bottom corner of a gateway in the next column: on the case page the name is drawn wider than that.
 */
function eventLabel(b, name) {
  const height = lines(name, EVENT_LABEL) * LABEL.lineHeight;
  return { x: b.x + b.width / 2 - EVENT_LABEL / 2, y: b.y + b.height + 8, width: EVENT_LABEL, height };
}

/** A gateway's name under it, where a flow already uses its top. */
function belowLabel(b, name) {
  const height = lines(name, LABEL.width) * LABEL.lineHeight;
  return { x: b.x + b.width / 2 + 8, y: b.y + b.height + 2, width: LABEL.width, height };
}

/**
 * A gateway's name above and left of it, where flows use both its top and its bottom: higher than the shapes of its
 * row (a task before it is 80 high), since a translated name may run wider than the gap to that task.
 */
function aboveLeftLabel(b, name) {
  const height = (lines(name, LABEL.width) + 1) * LABEL.lineHeight;
  return { x: b.x + b.width / 2 - 8 - LABEL.width, y: b.y + b.height / 2 - 44 - height, width: LABEL.width, height };
}

/**
 * A boundary event's name under it, beside the flow that leaves it downward: left of it for the first of several,
 * right of it for the others (a middle one's lower down, where the next one's flow has turned away).
 */
function boundaryLabel(b, name, index, count, clearBelow, drillDown) {
  const width = 90;
  const height = lines(name, width) * LABEL.lineHeight;
  const c = b.x + b.width / 2;
  if (count > 1 && index === 0) {
    return { x: c - 6 - width, y: b.y + b.height + 8, width, height };
  }
  // a middle one's name goes lower, once the next one's flow has turned away
  const y = index < count - 1 ? clearBelow + 10 : b.y + b.height + 8 + drillDown;
  return { x: c + 6, y, width, height };
}

/**
 * A flow's name along its first straight piece of its own (not shared with another flow out of the same shape), or its
 * longest if that one is short: above it when that runs across, beside it when it runs up or down.
 */
function flowLabel(waypoints, name, siblings) {
  const length = i => Math.abs(waypoints[i + 1].x - waypoints[i].x) + Math.abs(waypoints[i + 1].y - waypoints[i].y);
  const own = i => conflicts(waypoints[i], waypoints[i + 1], siblings) < OVERLAP;
  const pieces = [...Array(waypoints.length - 1).keys()].filter(own);
  let piece = pieces.length ? pieces[0] : 0;
  if (length(piece) < 60) {
    for (const i of pieces) {
      piece = length(i) > length(piece) ? i : piece;
    }
  }
  const [a, b] = [waypoints[piece], waypoints[piece + 1]];
  if (a.y === b.y) {
    const width = Math.max(70, Math.min(LABEL.width, Math.abs(b.x - a.x) - 24));
    const height = lines(name, width) * LABEL.lineHeight;
    return { x: (a.x + b.x) / 2 - width / 2, y: a.y - 4 - height, width, height };
  }
  const height = lines(name, LABEL.width) * LABEL.lineHeight;
  return { x: a.x + 6, y: Math.min(a.y, b.y) + 8, width: LABEL.width, height };
}

function inflate(b, by) {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

const DIRECTIONS = { right: { x: 1, y: 0 }, left: { x: -1, y: 0 }, down: { x: 0, y: 1 }, up: { x: 0, y: -1 } };

/** Where a flow may leave a shape (and in which direction) or enter it; a boundary event is left downward only. */
function ports(di, leaving, other) {
  const b = di.bounds;
  const towards = centre(other.bounds).y - centre(b).y;
  // down towards a shape below, up towards one above; between shapes of one row, over the top rather than under it
  const downCost = (leaving ? towards : -towards) > 1 ? 20 : 70;
  const upCost = (leaving ? towards : -towards) < -1 ? 20 : 45;
  const c = centre(b);
  if (leaving && isBoundary(di)) {
    return [{ x: c.x, y: b.y + b.height, dir: 'down', cost: 0 }];
  }
  const side = leaving
    ? [{ x: b.x + b.width, y: c.y, dir: 'right', cost: 0 }]
    : [{ x: b.x, y: c.y, dir: 'right', cost: 0 }];
  return [
    ...side,
    { x: c.x, y: b.y + b.height, dir: leaving ? 'down' : 'up', cost: leaving ? downCost : upCost },
    { x: c.x, y: b.y, dir: leaving ? 'up' : 'down', cost: leaving ? upCost : downCost }
  ];
}

/**
 * The cheapest orthogonal path from one of the source's ports to one of the target's, on the lines that run along the
 * shapes' sides at the clearance and through their centres: A* over (point, heading), paying for length, bends,
 * crossings of flows already drawn and, dearly, for running along one of them.
 */
function route(source, target, obstacles, routed, shapes, allLabels) {
  // a gateway's own name moves aside for the flows at its top (see routePlane)
  const labels = allLabels.filter(l => l.id !== source.bpmnElement.id && l.id !== target.bpmnElement.id);
  const free = obstacles.filter(o => o.id !== source.bpmnElement.id && o.id !== target.bpmnElement.id);
  const starts = ports(source, true, target).map(p => ({ ...p, stub: step(p, p.dir, STUB) }));
  const ends = ports(target, false, source).map(p => ({ ...p, stub: step(p, opposite(p.dir), STUB) }));
  const xs = new Set();
  const ys = new Set();
  for (const di of shapes) {
    const o = inflate(di.bounds, CLEARANCE + 6);
    const c = centre(di.bounds);
    xs.add(o.x); xs.add(o.x + o.width); xs.add(c.x);
    ys.add(o.y); ys.add(o.y + o.height); ys.add(c.y);
  }
  for (const l of labels) {
    ys.add(l.y - 8);
  }
  for (const p of [...starts, ...ends]) {
    xs.add(p.stub.x); ys.add(p.stub.y);
  }
  const X = [...xs].sort((a, b) => a - b);
  const Y = [...ys].sort((a, b) => a - b);
  const key = (i, j, d) => `${i},${j},${d}`;
  const index = (arr, v) => arr.findIndex(a => Math.abs(a - v) < 0.01);
  const open = [];
  const best = new Map();
  const came = new Map();
  const goal = new Map();
  for (const e of ends) {
    goal.set(`${index(X, e.stub.x)},${index(Y, e.stub.y)}`, e);
  }
  const target0 = ends[0].stub;
  const h = (i, j) => Math.abs(X[i] - target0.x) + Math.abs(Y[j] - target0.y);
  for (const s of starts) {
    if (blocked(s, s.stub, free)) {
      continue;
    }
    const i = index(X, s.stub.x);
    const j = index(Y, s.stub.y);
    const g = s.cost + STUB + conflicts(s, s.stub, routed);
    const k = key(i, j, s.dir);
    if (g < (best.get(k) ?? Infinity)) {
      best.set(k, g);
      came.set(k, { start: s });
      open.push({ i, j, d: s.dir, g, f: g + h(i, j) });
    }
  }
  let found = null;
  while (open.length) {
    open.sort((a, b) => a.f - b.f);
    const cur = open.shift();
    const k = key(cur.i, cur.j, cur.d);
    if (cur.g > best.get(k)) {
      continue;
    }
    const end = goal.get(`${cur.i},${cur.j}`);
    if (end) {
      const extra = (cur.d === end.dir ? 0 : BEND) + end.cost + STUB + conflicts(end.stub, end, routed);
      if (!found || cur.g + extra < found.g) {
        found = { g: cur.g + extra, k, end };
      }
      continue;
    }
    if (found && cur.f >= found.g) {
      break;
    }
    for (const [d, v] of Object.entries(DIRECTIONS)) {
      if (d === opposite(cur.d)) {
        continue;
      }
      const ni = cur.i + v.x;
      const nj = cur.j + v.y;
      if (ni < 0 || nj < 0 || ni >= X.length || nj >= Y.length) {
        continue;
      }
      const a = { x: X[cur.i], y: Y[cur.j] };
      const b = { x: X[ni], y: Y[nj] };
      if (blocked(a, b, free)) {
        continue;
      }
      const g = cur.g + Math.abs(b.x - a.x) + Math.abs(b.y - a.y) + (d === cur.d ? 0 : BEND) + conflicts(a, b, routed)
        + (blocked(a, b, labels) ? THROUGH_LABEL : 0);
      const nk = key(ni, nj, d);
      if (g < (best.get(nk) ?? Infinity)) {
        best.set(nk, g);
        came.set(nk, { from: k });
        open.push({ i: ni, j: nj, d, g, f: g + h(ni, nj) });
      }
    }
  }
  if (!found) {
    throw new Error(`no route from ${source.bpmnElement.id} to ${target.bpmnElement.id}`);
  }
  const path = [found.end, found.end.stub];
  let k = found.k;
  for (;;) {
    const [i, j] = k.split(',').map(Number);
    path.push({ x: X[i], y: Y[j] });
    const c = came.get(k);
    if (c.start) {
      path.push(c.start);
      break;
    }
    k = c.from;
  }
  return simplify(path.reverse().map(p => ({ x: p.x, y: p.y })));
}

function step(p, dir, by) {
  return { x: p.x + DIRECTIONS[dir].x * by, y: p.y + DIRECTIONS[dir].y * by };
}

function opposite(dir) {
  return { right: 'left', left: 'right', up: 'down', down: 'up' }[dir];
}

/** Whether a straight piece runs through one of the (inflated) shapes. */
function blocked(a, b, obstacles) {
  const x1 = Math.min(a.x, b.x);
  const x2 = Math.max(a.x, b.x);
  const y1 = Math.min(a.y, b.y);
  const y2 = Math.max(a.y, b.y);
  return obstacles.some(o => x1 < o.x + o.width && x2 > o.x && y1 < o.y + o.height && y2 > o.y);
}

/** What running a straight piece here costs beyond its length: along another flow, or across one. */
function conflicts(a, b, routed) {
  let cost = 0;
  const horizontal = a.y === b.y;
  for (const s of routed) {
    const sh = s.a.y === s.b.y;
    if (horizontal && sh && Math.abs(s.a.y - a.y) < 1) {
      const overlap = Math.min(Math.max(a.x, b.x), Math.max(s.a.x, s.b.x)) - Math.max(Math.min(a.x, b.x), Math.min(s.a.x, s.b.x));
      if (overlap > 1) {
        cost += s.cost ?? OVERLAP;
      }
    } else if (!horizontal && !sh && Math.abs(s.a.x - a.x) < 1) {
      const overlap = Math.min(Math.max(a.y, b.y), Math.max(s.a.y, s.b.y)) - Math.max(Math.min(a.y, b.y), Math.min(s.a.y, s.b.y));
      if (overlap > 1) {
        cost += s.cost ?? OVERLAP;
      }
    } else if (horizontal !== sh) {
      const [hz, vt] = horizontal ? [{ a, b }, s] : [s, { a, b }];
      const hx1 = Math.min(hz.a.x, hz.b.x);
      const hx2 = Math.max(hz.a.x, hz.b.x);
      const vy1 = Math.min(vt.a.y, vt.b.y);
      const vy2 = Math.max(vt.a.y, vt.b.y);
      if (vt.a.x > hx1 && vt.a.x < hx2 && hz.a.y > vy1 && hz.a.y < vy2) {
        cost += CROSSING;
      }
    }
  }
  return cost;
}

/** Drops the points in the middle of a straight run. */
function simplify(points) {
  const out = [];
  for (const p of points) {
    if (out.length && out[out.length - 1].x === p.x && out[out.length - 1].y === p.y) {
      continue;
    }
    if (out.length >= 2) {
      const a = out[out.length - 2];
      const b = out[out.length - 1];
      if ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y)) {
        out[out.length - 1] = p;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/** The <bpmndi:BPMNDiagram> elements of the definitions, as moddle writes them. */
async function diagramsXml(definitions) {
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml.match(/^( *)<bpmndi:BPMNDiagram\b[\s\S]*?<\/bpmndi:BPMNDiagram>/gm).map(d => d.replace(/^ {2}/gm, '')).join('\n');
}

/** The source with the diagrams before its closing tag and the DI namespaces declared on its root. */
function withDiagrams(source, diagrams) {
  const namespaces = {
    bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
    dc: 'http://www.omg.org/spec/DD/20100524/DC',
    di: 'http://www.omg.org/spec/DD/20100524/DI'
  };
  let out = source;
  for (const [prefix, uri] of Object.entries(namespaces)) {
    if (!new RegExp(`xmlns:${prefix}=`).test(out)) {
      out = out.replace(/<bpmn:definitions\b/, `<bpmn:definitions xmlns:${prefix}="${uri}"`);
    }
  }
  const indented = diagrams.split('\n').map(l => (l ? '  ' + l : l)).join('\n');
  return out.replace(/\s*<\/bpmn:definitions>\s*$/, `\n${indented}\n</bpmn:definitions>\n`);
}

await main();
