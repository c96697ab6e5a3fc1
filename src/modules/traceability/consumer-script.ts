// The consumer page's one script (served from the platform, as the CSP asks): "share my location", which adds the
// consumer's place to the scan the page recorded, and the feedback form, which posts to the citizen feedback intake
// (POST /api/public/feedback, category FOOD_SAFETY) with the product, lot and code in the report.

export const CONSUMER_SCRIPT = `(function () {
  var body = document.body, vi = body.getAttribute('data-lang') !== 'en';
  var uri = body.getAttribute('data-uri'), scan = Number(body.getAttribute('data-scan'));
  function say(id, text) { var el = document.getElementById(id); if (el) el.textContent = text; }
  function post(url, data) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data), credentials: 'omit' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); });
  }
  function problem(res) { var e = res.body && res.body.error; return e ? (vi ? e.messages.vi : e.messages.en) : (vi ? 'Không gửi được.' : 'Could not send.'); }
  var share = document.getElementById('share-location');
  if (share) share.addEventListener('click', function () {
    if (!navigator.geolocation) { say('share-result', vi ? 'Trình duyệt không hỗ trợ định vị.' : 'This browser cannot locate you.'); return; }
    share.disabled = true;
    navigator.geolocation.getCurrentPosition(function (pos) {
      post('/api/public/traceability/scans', { uri: uri, scanId: scan, lat: pos.coords.latitude, lon: pos.coords.longitude }).then(function (res) {
        say('share-result', res.ok ? (vi ? 'Đã ghi nhận vị trí. Cảm ơn bạn!' : 'Location recorded. Thank you!') : problem(res));
      }, function () { say('share-result', vi ? 'Không gửi được.' : 'Could not send.'); share.disabled = false; });
    }, function () { say('share-result', vi ? 'Bạn chưa cho phép định vị.' : 'Location was not allowed.'); share.disabled = false; }, { timeout: 15000 });
  });
  var form = document.getElementById('feedback-form');
  if (form) form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = form.elements, lot = form.getAttribute('data-lot');
    var about = '[' + form.getAttribute('data-product') + (lot ? (vi ? ' · lô ' : ' · lot ') + lot : '') + ' · ' + uri + '] ';
    var contact = { name: f.namedItem('name').value.trim() };
    var phone = f.namedItem('phone').value.trim();
    if (phone) contact.phone = phone;
    post('/api/public/feedback', { category: 'FOOD_SAFETY', description: (about + f.namedItem('description').value.trim()).slice(0, 4000), contact: contact, consent: true, channel: 'web' })
      .then(function (res) {
        say('feedback-result', res.ok ? (vi ? 'Đã gửi. Mã theo dõi: ' : 'Sent. Tracking code: ') + res.body.trackingCode : problem(res));
        if (res.ok) form.reset();
      }, function () { say('feedback-result', vi ? 'Không gửi được.' : 'Could not send.'); });
  });
})();
`;
