// Keeps a shipment page (tracking, the courier's view) up to date from its server-sent events.
// Everything from the server is set as text, never as HTML.
(function () {
  'use strict';
  var script = document.getElementById('live-script');
  var tiles = script.getAttribute('data-tiles');

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function place(label, latitude, longitude) {
    var p = el('p', label + ': ');
    p.appendChild(el('span', latitude.toFixed(5) + ', ' + longitude.toFixed(5), 'coordinates'));
    p.appendChild(document.createTextNode(' '));
    var a = el('a', 'Open in a map');
    a.rel = 'noreferrer';
    a.href = 'https://www.openstreetmap.org/?mlat=' + latitude.toFixed(5) + '&mlon=' + longitude.toFixed(5)
        + '#map=17/' + latitude.toFixed(5) + '/' + longitude.toFixed(5);
    p.appendChild(a);
    return p;
  }

  // the one tile (zoom 15) holding the point, with a pin where it is
  function map(latitude, longitude) {
    var box = document.getElementById('map');
    if (!tiles) { return; }
    var z = 15, n = Math.pow(2, z), rad = latitude * Math.PI / 180;
    var fx = (longitude + 180) / 360 * n;
    var fy = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n;
    var x = Math.floor(fx), y = Math.floor(fy);
    box.replaceChildren();
    var img = el('img');
    img.alt = 'Map';
    img.src = tiles.replace('{z}', z).replace('{x}', x).replace('{y}', y);
    var pin = el('span', '', 'pin');
    pin.style.left = ((fx - x) * 100) + '%';
    pin.style.top = ((fy - y) * 100) + '%';
    box.appendChild(img);
    box.appendChild(pin);
    box.hidden = false;
  }

  function show(state) {
    document.getElementById('status').textContent = state.statusText;
    document.getElementById('slot').textContent = state.slot ? 'Delivery window: ' + state.slot : '';
    document.getElementById('eta').textContent = state.eta ? 'Expected around ' + state.eta : '';
    var courier = document.getElementById('courier');
    courier.replaceChildren();
    if (state.courier) {
      courier.appendChild(place('Courier last seen at ' + state.courier.seen, state.courier.latitude,
          state.courier.longitude));
      map(state.courier.latitude, state.courier.longitude);
    } else {
      document.getElementById('map').hidden = true;
    }
    var meeting = document.getElementById('meeting');
    if (meeting) {
      meeting.replaceChildren();
      if (state.meeting) {
        meeting.appendChild(el('p', 'The customer asked to be met' + (state.meeting.label ? ' at '
            + state.meeting.label : '') + ' (shared at ' + state.meeting.shared + ')', 'ok'));
        if (state.meeting.latitude !== undefined) {
          meeting.appendChild(place('Meeting point', state.meeting.latitude, state.meeting.longitude));
          map(state.meeting.latitude, state.meeting.longitude);
        }
      } else if (state.status === 'DELIVERED') {
        meeting.appendChild(el('p', 'Delivered: no meeting point any more.', 'muted'));
      }
    }
    var timeline = document.getElementById('timeline');
    timeline.replaceChildren();
    state.steps.forEach(function (step) {
      var li = el('li', step.text + ' ');
      li.appendChild(el('span', step.at, 'muted'));
      timeline.appendChild(li);
    });
    document.body.setAttribute('data-revision', state.revision);
  }

  show(JSON.parse(script.getAttribute('data-state')));
  if (window.EventSource) {
    var events = new EventSource(script.getAttribute('data-events'));
    events.addEventListener('shipment', function (e) { show(JSON.parse(e.data)); });
  }
}());
