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
document.documentElement.dataset.pokin = "ready";
