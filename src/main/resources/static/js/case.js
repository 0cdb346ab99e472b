// The case page: draws the main process with bpmn-js and marks where the complaint stands; shows the missing-copy
// warning only while the copy date is empty. No inline script: the page's CSP allows scripts from this origin only.
(function () {
  'use strict';

  // Diagram units are CSS pixels at scale 1; labels are drawn larger than bpmn-js's 12px so that, fitted to the page's
  // width (about 0.8 on a laptop), they still read at 10–11px; narrower than MIN_SCALE (a phone) the drawing keeps
  // that scale and opens on the current rung instead (it can be dragged).
  var LABEL_FONT = 14;
  var MIN_SCALE = 0.75;
  var MARGIN = 16;

  function drawDiagram(container) {
    var current = (container.dataset.current || '').split(',').filter(Boolean);
    var labels = parse(container.dataset.labels);
    var deadlines = parse(container.dataset.deadlines);
    var viewer = new BpmnJS({
      container: container,
      textRenderer: { defaultStyle: { fontSize: LABEL_FONT, lineHeight: 1.15 }, externalStyle: { fontSize: LABEL_FONT - 1 } },
      additionalModules: [wideExternalLabels]
    });
    keepOutOfTabOrder(container, labels);
    fetch(container.dataset.diagram, { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (xml) { return viewer.importXML(translated(xml, labels)); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var marked = current.filter(function (id) { return registry.get(id); });
        marked.forEach(function (id) {
          canvas.addMarker(id, 'current');
          enclosingSubProcesses(registry, id).forEach(function (sub) { canvas.addMarker(sub, 'current'); });
        });
        showDeadlines(viewer.get('overlays'), registry, deadlines);
        showPlaneOf(canvas, registry, marked[0]);
        // the rung whose deadline runs is the one to see first (during a challenge the prosecutor's rung is open too)
        var timed = marked.filter(function (id) { return deadlines[id]; });
        var focus = marked.length ? registry.get(timed[0] || marked[0]) : null;
        var fit = function () { fitToWidth(canvas, container, focus); };
        fit();
        viewer.get('eventBus').on('root.set', function () { window.setTimeout(fit, 0); });
        var pending = null;
        window.addEventListener('resize', function () {
          window.clearTimeout(pending);
          pending = window.setTimeout(fit, 120);
        });
        container.dataset.ready = 'true';
      })
      .catch(function () {
        container.dataset.ready = 'error';
      });
  }

  function parse(text) {
    try { return JSON.parse(text || '{}'); } catch (e) { return {}; }
  }

  // The BPMN is labelled in English: put the page's language in their names before bpmn-js reads them,
  // so the shapes, the sequence flows and the breadcrumb all read in it.
  function translated(xml, labels) {
    var doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) { return xml; }
    var all = doc.getElementsByTagName('*');
    for (var i = 0; i < all.length; i++) {
      var id = all[i].getAttribute('id');
      if (id && Object.prototype.hasOwnProperty.call(labels, id) && all[i].hasAttribute('name')) {
        all[i].setAttribute('name', labels[id]);
      }
    }
    widenExternalLabels(doc);
    return new XMLSerializer().serializeToString(doc);
  }

  // bpmn-js lays the name of an event, a gateway or a flow out in a 90px box whatever the label's bounds, and breaks a
  // word longer than that mid-word ("удовлетворе-но"): lay such names out in a box as wide as the bounds given below.
  function WideExternalLabels(textRenderer) {
    var createText = textRenderer.createText;
    textRenderer.createText = function (text, options) {
      if (options && options.fitBox && options.box && options.box.width === 90) {
        options = Object.assign({}, options, { box: Object.assign({}, options.box, { width: LABEL_WIDTH }) });
      }
      return createText.call(this, text, options);
    };
  }
  WideExternalLabels.$inject = ['textRenderer'];
  var wideExternalLabels = { __init__: ['wideExternalLabels'], wideExternalLabels: ['type', WideExternalLabels] };

  var DI = 'http://www.omg.org/spec/BPMN/20100524/DI';
  var DC = 'http://www.omg.org/spec/DD/20100524/DC';
  var DDI = 'http://www.omg.org/spec/DD/20100524/DI';
  var LABEL_WIDTH = 130;

  // Label bounds LABEL_WIDTH wide where bpmn-js would put its 90px ones (centred under an event or a gateway, beside
  // the middle of a flow), so that the wider layout above stays centred where it was; a horizontal flow's name sits a
  // little higher than bpmn-js puts it, clear of the event or gateway at the flow's end.
  function widenExternalLabels(doc) {
    var named = {};
    var all = doc.getElementsByTagName('*');
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute('name') && all[i].getAttribute('id')) { named[all[i].getAttribute('id')] = true; }
    }
    var shapes = doc.getElementsByTagNameNS(DI, 'BPMNShape');
    for (var s = 0; s < shapes.length; s++) {
      var bounds = shapes[s].getElementsByTagNameNS(DC, 'Bounds')[0];
      if (!bounds || !named[shapes[s].getAttribute('bpmnElement')] || +bounds.getAttribute('width') > 60) { continue; }
      var x = +bounds.getAttribute('x') + +bounds.getAttribute('width') / 2;
      addLabel(doc, shapes[s], x - LABEL_WIDTH / 2, +bounds.getAttribute('y') + +bounds.getAttribute('height') + 4);
    }
    var edges = doc.getElementsByTagNameNS(DI, 'BPMNEdge');
    for (var e = 0; e < edges.length; e++) {
      var points = edges[e].getElementsByTagNameNS(DDI, 'waypoint');
      if (!named[edges[e].getAttribute('bpmnElement')] || points.length < 2) { continue; }
      var middle = points.length / 2 - 1;
      var a = points[Math.floor(middle)];
      var b = points[Math.ceil(middle + 0.01)];
      var ax = +a.getAttribute('x'), ay = +a.getAttribute('y'), bx = +b.getAttribute('x'), by = +b.getAttribute('y');
      var mx = (ax + bx) / 2, my = (ay + by) / 2;
      if (Math.abs(Math.atan((by - ay) / (bx - ax))) < Math.PI / 2) { my -= 24; } else { mx += 15 + (LABEL_WIDTH - 90) / 2; }
      addLabel(doc, edges[e], mx - LABEL_WIDTH / 2, my - 10);
    }
  }

  function addLabel(doc, owner, x, y) {
    if (owner.getElementsByTagNameNS(DI, 'BPMNLabel').length) { return; }
    var label = doc.createElementNS(DI, 'bpmndi:BPMNLabel');
    var bounds = doc.createElementNS(DC, 'dc:Bounds');
    bounds.setAttribute('x', String(Math.round(x)));
    bounds.setAttribute('y', String(Math.round(y)));
    bounds.setAttribute('width', String(LABEL_WIDTH));
    bounds.setAttribute('height', '20');
    label.appendChild(bounds);
    owner.appendChild(label);
  }

  // "до 15.06.2026" under each current rung that has a deadline running.
  function showDeadlines(overlays, registry, deadlines) {
    Object.keys(deadlines).forEach(function (id) {
      var element = registry.get(id);
      if (!element) { return; }
      var note = document.createElement('div');
      note.className = 'diagram-deadline';
      note.textContent = deadlines[id];
      overlays.add(id, 'deadline', { position: { top: (element.height || 36) + 4, left: -10 }, html: note });
    });
  }

  // The drawing is aria-hidden (the list after it is its text): nothing inside may take the keyboard's focus, or a
  // keyboard user would land on controls a screen reader does not announce. bpmn-js adds buttons on every plane change.
  function keepOutOfTabOrder(container, labels) {
    var open = labels.open || '{0}';
    var apply = function () {
      container.querySelectorAll('a, button, svg, [tabindex]').forEach(function (el) {
        if (el.getAttribute('tabindex') !== '-1') { el.setAttribute('tabindex', '-1'); }
        if (el.tagName.toLowerCase() === 'svg') { el.setAttribute('focusable', 'false'); }
      });
      container.querySelectorAll('.bjs-drilldown').forEach(function (button) {
        var id = button.closest('[data-container-id]') && button.closest('[data-container-id]').getAttribute('data-container-id');
        var name = id && labels[id];
        if (name && button.title !== open.replace('{0}', name)) { button.title = open.replace('{0}', name); }
      });
    };
    new MutationObserver(apply).observe(container, { childList: true, subtree: true });
    apply();
  }

  // The challenge runs inside a collapsed sub-process drawn on its own plane: mark the sub-process on the main plane too.
  function enclosingSubProcesses(registry, id) {
    var found = [];
    var parent = registry.get(id).businessObject.$parent;
    while (parent && parent.$type === 'bpmn:SubProcess') {
      if (registry.get(parent.id)) { found.push(parent.id); }
      parent = parent.$parent;
    }
    return found;
  }

  // Open the diagram where the case stands (the breadcrumb leads back to the whole ladder).
  function showPlaneOf(canvas, registry, id) {
    if (!id || typeof canvas.findRoot !== 'function') { return; }
    var planeRoot = canvas.findRoot(registry.get(id));
    if (planeRoot && planeRoot !== canvas.getRootElement()) { canvas.setRootElement(planeRoot); }
  }

  // Fit the plane to the container's width (not its height: the container grows to the drawing's height), never
  // larger than scale 1; the breadcrumb (top, one line or more) and the watermark (bottom right) get room of their own.
  // Where even MIN_SCALE is wider than the container (a phone), the view opens on the current rung; it can be dragged.
  function fitToWidth(canvas, container, focus) {
    var inner = canvas.viewbox().inner;
    if (!inner || !inner.width) { return; }
    var width = container.clientWidth;
    var scale = Math.max(MIN_SCALE, Math.min(1, (width - 2 * MARGIN) / inner.width));
    var crumbs = container.querySelector('.bjs-breadcrumbs');
    var top = crumbs && crumbs.offsetHeight ? crumbs.offsetTop + crumbs.offsetHeight + 8 : MARGIN;
    var height = Math.ceil(inner.height * scale + top + MARGIN + 24);
    if (container.style.height !== height + 'px') {
      container.style.height = height + 'px';
      canvas.resized();
    }
    var x = inner.x - MARGIN / scale;
    var visible = width / scale;
    if (inner.width * scale > width - 2 * MARGIN && focus && focus.x !== undefined && canvas.findRoot(focus) === canvas.getRootElement()) {
      var centred = focus.x + (focus.width || 0) / 2 - visible / 2;
      x = Math.max(x, Math.min(centred, inner.x + inner.width + MARGIN / scale - visible));
    }
    canvas.viewbox({ x: x, y: inner.y - top / scale, width: visible, height: height / scale });
    container.dataset.fittedWidth = String(width);
  }

  function copyWarning() {
    var copy = document.getElementById('ev-copy');
    var warning = document.getElementById('copy-warning');
    if (!copy || !warning) { return; }
    var update = function () { warning.hidden = copy.value !== ''; };
    copy.addEventListener('input', update);
    copy.addEventListener('change', update);
    update();
  }

  // The act chooser: show the chosen act's fields (data-acts lists the acts that read a field or offer an option), its
  // date label and its consequences; hide and disable the rest so that a hidden field is neither read aloud nor sent.
  function actChooser() {
    var chooser = document.getElementById('ev-type');
    var form = document.getElementById('event-form');
    if (!chooser || !form) { return; }
    var fits = function (element, act) {
      return (element.getAttribute('data-acts') || '').split(' ').indexOf(act) >= 0;
    };
    var update = function () {
      var act = chooser.value;
      form.querySelectorAll('[data-acts]').forEach(function (element) {
        var shown = fits(element, act);
        if (element.tagName === 'OPTION') {
          element.hidden = !shown;
          element.disabled = !shown;
          if (!shown && element.selected) { element.parentElement.value = ''; }
          return;
        }
        element.hidden = !shown;
        element.querySelectorAll('input, select, textarea').forEach(function (control) { control.disabled = !shown; });
        if (element.tagName === 'FIELDSET') { element.disabled = !shown; }
      });
      form.querySelectorAll('[data-act]').forEach(function (element) {
        element.hidden = element.getAttribute('data-act') !== act;
      });
      // nothing chosen yet: only the chooser (and the hint that it is the applicant's turn) is shown
      form.querySelectorAll('[data-any-act]').forEach(function (element) {
        element.hidden = act === '';
        element.querySelectorAll('input, select, textarea').forEach(function (control) { control.disabled = act === ''; });
      });
    };
    chooser.addEventListener('change', update);
    update();
  }

  var diagram = document.getElementById('diagram');
  if (diagram && window.BpmnJS) { drawDiagram(diagram); }
  actChooser();
  copyWarning();
}());
