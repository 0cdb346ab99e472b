// The case page: draws the main process with bpmn-js and marks where the complaint stands; shows the missing-copy
// warning only while the copy date is empty. No inline script: the page's CSP allows scripts from this origin only.
(function () {
  'use strict';

  function drawDiagram(container) {
    var current = (container.dataset.current || '').split(',').filter(Boolean);
    var viewer = new BpmnJS({ container: container });
    fetch(container.dataset.diagram, { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var marked = current.filter(function (id) { return registry.get(id); });
        marked.forEach(function (id) {
          canvas.addMarker(id, 'current');
          enclosingSubProcesses(registry, id).forEach(function (sub) { canvas.addMarker(sub, 'current'); });
        });
        showPlaneOf(canvas, registry, marked[0]);
        fitWithMargin(canvas);
        container.dataset.ready = 'true';
      })
      .catch(function (error) {
        container.dataset.ready = 'error';
        container.textContent = String(error);
      });
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

  // Fit the diagram, then widen the view so the breadcrumb (top) and the watermark (bottom right) cover nothing.
  function fitWithMargin(canvas) {
    canvas.zoom('fit-viewport');
    var box = canvas.viewbox();
    var margin = 36 / box.scale;
    canvas.viewbox({ x: box.x - margin, y: box.y - 2.5 * margin, width: box.width + 2 * margin, height: box.height + 4 * margin });
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
