// Puente's only script: small enhancements. Every page works without it
// (forms post, links lead, the error summary is focused by autofocus).
// Served from /static, as the Content-Security-Policy (script-src 'self')
// requires; no inline script anywhere.
(function () {
  'use strict';

  // Styles and tests can tell that this script ran.
  document.documentElement.classList.add('js');

  // A rejected form: the error summary takes focus, so a screen reader
  // reads it and the page shows it (browsers without autofocus on a div).
  var summary = document.querySelector('.error-summary');
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }

  // A link of the summary focuses its field and scrolls its label into
  // view, not only the field (GOV.UK's error summary does the same).
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('.error-summary a[href^="#"]') : null;
    if (!a) {
      return;
    }
    var field = document.getElementById(a.getAttribute('href').slice(1));
    if (!field) {
      return;
    }
    e.preventDefault();
    var label = document.querySelector('label[for="' + field.id + '"]') || field.querySelector('legend');
    (label || field).scrollIntoView();
    field.focus({preventScroll: true});
  });

  // Copy buttons next to links people pass on (an invitation, a reset
  // link, a calendar address). Hidden until this script can make them work.
  var buttons = document.querySelectorAll('button[data-copy]');
  Array.prototype.forEach.call(buttons, function (b) {
    var input = document.getElementById(b.getAttribute('data-copy'));
    var status = b.parentNode.querySelector('.copy-status');
    if (!input) {
      return;
    }
    b.parentNode.hidden = false;
    b.addEventListener('click', function () {
      var done = function () { status.textContent = b.getAttribute('data-copied'); };
      var fallback = function () {
        input.focus();
        input.select();
        var ok = false;
        try {
          ok = document.execCommand('copy');
        } catch (err) {
          ok = false;
        }
        status.textContent = b.getAttribute(ok ? 'data-copied' : 'data-failed');
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });

  // The court-day card's print button.
  Array.prototype.forEach.call(document.querySelectorAll('button[data-print]'), function (b) {
    b.parentNode.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
})();
