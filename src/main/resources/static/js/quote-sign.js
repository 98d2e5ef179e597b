// Signature pad of the public quote signing page: draw with mouse, pen or finger; the PNG goes into a hidden field.
(function () {
  const canvas = document.getElementById('signature-pad');
  const form = document.getElementById('sign-form');
  if (!canvas || !form) {
    return;
  }
  const ctx = canvas.getContext('2d');
  const hidden = document.getElementById('signature-data');
  let drawing = false;
  let inked = false;
  let last = null;

  function point(e) {
    const r = canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
  }

  function reset() {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    inked = false;
    hidden.value = '';
  }

  canvas.addEventListener('pointerdown', function (e) {
    drawing = true;
    last = point(e);
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', function (e) {
    if (!drawing) {
      return;
    }
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last = p;
    inked = true;
  });
  ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (type) {
    canvas.addEventListener(type, function () { drawing = false; });
  });
  document.getElementById('signature-clear').addEventListener('click', reset);
  form.addEventListener('submit', function (e) {
    if (!inked) {
      e.preventDefault();
      canvas.classList.add('border-danger');
      return;
    }
    hidden.value = canvas.toDataURL('image/png');
  });
  reset();
})();
