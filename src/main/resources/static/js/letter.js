// The letters workspace: refuses a file larger than the server takes before it is sent (the server checks the same
// and says the same; this only spares the wait for a large upload), and keeps the comment typed, as nothing is sent.
// No inline script: the page's CSP allows scripts from this origin only.
(function () {
  'use strict';

  var form = document.getElementById('upload-form');
  var input = document.getElementById('upload-file');
  var message = document.getElementById('upload-file-check');
  if (!form || !input || !message) {
    return;
  }
  var max = Number(input.dataset.maxBytes || 0);

  function check() {
    var file = input.files && input.files[0];
    var tooLarge = Boolean(file && max > 0 && file.size > max);
    message.hidden = !tooLarge;
    message.textContent = tooLarge ? input.dataset.tooLarge : '';
    input.setAttribute('aria-invalid', tooLarge ? 'true' : 'false');
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
      return id && id !== 'upload-file-check';
    });
    if (tooLarge) {
      described.push('upload-file-check');
    }
    input.setAttribute('aria-describedby', described.join(' '));
    return !tooLarge;
  }

  input.addEventListener('change', check);
  form.addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
      input.focus();
    }
  });
})();
