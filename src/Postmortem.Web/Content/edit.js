// Lint as you type on the edit page: the section's text is posted to /api/lint (with the form's antiforgery
// token) a moment after typing stops, and the findings replace the list beside the text. Text only: nothing
// from the answer is ever parsed as HTML. Without this script the page works the same; findings come after
// "Check wording" or a save.
(function () {
  'use strict';
  var box = document.querySelector('textarea[data-lint]');
  var list = document.getElementById('lint');
  var state = document.getElementById('lint-state');
  if (!box || !list || !state) {
    return;
  }

  var token = box.form.querySelector('input[name="__RequestVerificationToken"]');
  var timer = null;
  var sent = 0;

  function show(findings) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }

    findings.forEach(function (f) {
      var item = document.createElement('li');
      var line = document.createElement('strong');
      line.textContent = 'line ' + f.line;
      var rule = document.createElement('code');
      rule.textContent = f.rule + ' ' + f.name;
      var hint = document.createElement('span');
      hint.className = 'muted';
      hint.textContent = f.suggestion;
      item.appendChild(line);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(rule);
      item.appendChild(document.createTextNode(' ' + f.message + ' '));
      item.appendChild(hint);
      list.appendChild(item);
    });
    state.textContent = findings.length === 0 ? 'No findings.' : findings.length + ' finding(s).';
  }

  function lint() {
    var mine = ++sent;
    fetch(box.getAttribute('data-lint'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token ? token.value : '' },
      body: JSON.stringify({ text: box.value })
    }).then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    }).then(function (answer) {
      if (mine === sent) {
        show(answer.findings);
      }
    }).catch(function () {
      state.textContent = 'Wording not checked (the server did not answer); "Check wording" still works.';
    });
  }

  box.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(lint, 400);
  });
}());
