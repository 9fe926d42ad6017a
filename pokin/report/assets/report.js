document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('tr.finding.' + box.value).forEach(function (row) {
      row.hidden = !box.checked;
    });
  });
});
document.querySelectorAll('button.zoom').forEach(function (button) {
  button.addEventListener('click', function () {
    var full = button.nextElementSibling.classList.toggle('full');
    button.textContent = full ? 'Muat selebar halaman' : 'Ukuran penuh';
  });
});
// Print everything: collapsed findings open for the printout, closed again after it.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details:not([open])').forEach(function (box) {
    box.dataset.printed = '1';
    box.open = true;
  });
});
window.addEventListener('afterprint', function () {
  document.querySelectorAll('details[data-printed]').forEach(function (box) {
    delete box.dataset.printed;
    box.open = false;
  });
});
document.documentElement.dataset.pokin = "ready";
