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
        canvas.zoom('fit-viewport');
        current.forEach(function (id) {
          try { canvas.addMarker(id, 'current'); } catch (e) { /* an element not drawn: nothing to mark */ }
        });
        container.dataset.ready = 'true';
      })
      .catch(function (error) {
        container.dataset.ready = 'error';
        container.textContent = String(error);
      });
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

  var diagram = document.getElementById('diagram');
  if (diagram && window.BpmnJS) { drawDiagram(diagram); }
  copyWarning();
}());
