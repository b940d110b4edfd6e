// The complaint page: when the page goes away, say so (presence), so the others' lists drop this
// person at once rather than a minute later. sendBeacon cannot set headers, so the session's CSRF
// token goes in the form body, as every console form sends it.
(function () {
  'use strict';
  var box = document.getElementById('viewers');
  if (!box || !navigator.sendBeacon) return;
  var leave = box.getAttribute('data-leave');
  var token = box.getAttribute('data-csrf');
  if (!leave || !token) return;
  window.addEventListener('pagehide', function () {
    var body = new URLSearchParams();
    body.set('_csrf', token);
    navigator.sendBeacon(leave, body);
  });
})();
