// My work and Search: row shortcuts (j/k move the focus between rows, o or Enter open the focused
// row's complaint, c claims next from the focused row's queue or else the first), the shortcuts
// dialog (the visible button; `?` presses it through console.js's data-shortcut), and "select all
// on this page" for the bulk actions. Nothing fires while typing in a field.
(function () {
  'use strict';
  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('tr[data-row]')).filter(function (row) {
      return row.querySelector('a[data-open]') && row.offsetParent !== null;
    });
  }
  function currentRow() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('tr[data-row]') : null;
  }
  function focusRow(step) {
    var list = rows();
    if (list.length === 0) return;
    var at = list.indexOf(currentRow());
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    var link = list[next].querySelector('a[data-open]');
    link.focus();
    link.scrollIntoView({ block: 'nearest' });
  }
  function claimNext() {
    var row = currentRow();
    var section = row && row.closest('[data-team]');
    var button = (section && section.querySelector('button[data-claim]')) || document.querySelector('button[data-claim-default]');
    if (button) button.click();
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    var key = event.key;
    if (key === 'j') focusRow(1);
    else if (key === 'k') focusRow(-1);
    else if (key === 'o') {
      var row = currentRow() || rows()[0];
      if (!row) return;
      row.querySelector('a[data-open]').click();
    } else if (key === 'c') claimNext();
    else return;
    event.preventDefault();
  });

  var dialog = document.getElementById('shortcuts');
  Array.prototype.forEach.call(document.querySelectorAll('[data-shortcuts-open]'), function (button) {
    button.addEventListener('click', function () {
      if (dialog && !dialog.open) dialog.showModal();
    });
  });

  var all = document.querySelector('[data-select-all]');
  if (all) {
    var boxes = function () {
      return Array.prototype.slice.call(document.querySelectorAll('input[data-select-row]'));
    };
    all.closest('[data-select-all-wrap]').hidden = false;
    all.addEventListener('change', function () {
      boxes().forEach(function (box) {
        box.checked = all.checked;
      });
    });
    document.addEventListener('change', function (event) {
      if (!event.target.matches || !event.target.matches('input[data-select-row]')) return;
      var list = boxes();
      var checked = list.filter(function (box) { return box.checked; }).length;
      all.checked = checked === list.length;
      all.indeterminate = checked > 0 && checked < list.length;
    });
  }
})();
