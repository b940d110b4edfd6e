// The console's shared behaviour (CSP allows only our own scripts): keyboard shortcuts declared by
// pages as data-shortcut="<key>" on a link or button (pressing the key follows or clicks it, unless
// typing in a field), and focus moved to <main> after htmx replaces the page body.
(function () {
  'use strict';
  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    var element = document.querySelector('[data-shortcut="' + (key === '"' ? '\\"' : key) + '"]');
    if (!element) return;
    event.preventDefault();
    if (element.tagName === 'A' || element.tagName === 'BUTTON') element.click();
    else element.focus();
  });
})();
