// Issue 9 item 4 (R16): the timeliness figures on Cockpit's dashboard, for management where it already works.
// Camunda 7's front-end plugin format (7.14 and later): an ES module whose default export names the plugin point.
// The figures come from the plugin's own REST resource (org.memberenquiries.cockpit.TimelinessFiguresResource),
// which reads the same query service as the dashboard page and GET /api/reports/timeliness.

function percent(value) {
  return value === undefined || value === null ? 'None due' : value.toFixed(1) + '%';
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function cell(row, tag, text, below) {
  const node = element(tag, tag === 'th' ? { scope: 'row' } : {}, text);
  if (below) {
    node.className = 'timeliness-below-target';
    node.title = 'Below target';
  }
  row.appendChild(node);
}

function line(figures, item, tag) {
  const row = element('tr', { 'data-department': item.id });
  const below = (value) => value !== undefined && value !== null && value < figures.target;
  cell(row, 'th', item.name);
  cell(row, tag, String(item.received));
  cell(row, tag, percent(item.percentAcknowledgedOnTime), below(item.percentAcknowledgedOnTime));
  cell(row, tag, percent(item.percentRespondedOnTime), below(item.percentRespondedOnTime));
  cell(row, tag, percent(item.percentFullResponsesOnTime), below(item.percentFullResponsesOnTime));
  cell(row, tag, String(item.overdueNow));
  return row;
}

function show(node, figures) {
  node.textContent = '';
  const section = element('section', { class: 'timeliness-plugin', id: 'timeliness-plugin' });
  section.appendChild(element('h1', { class: 'section-title' }, 'Timeliness of Member enquiries'));
  section.appendChild(element('p', { id: 'timeliness-period' },
    'Enquiries received ' + figures.from + ' to ' + figures.to
    + (figures.everyDepartment ? '' : ', your departments') + '. Target: ' + figures.target + '% on time.'));
  const table = element('table', { class: 'cam-table', id: 'timeliness-figures' });
  table.appendChild(element('caption', { class: 'sr-only' }, 'On time by department, and overdue now'));
  const head = element('tr');
  ['Department', 'Received', 'Acknowledged on time (R4)', 'Answered within 10 working days (R5)',
    'Full response within 20 working days (R7)', 'Overdue now'].forEach((title) =>
    head.appendChild(element('th', { scope: 'col' }, title)));
  table.appendChild(element('thead')).appendChild(head);
  const body = element('tbody');
  figures.departments.forEach((item) => body.appendChild(line(figures, item, 'td')));
  body.appendChild(line(figures, Object.assign({}, figures.total,
    { id: 'total', name: figures.everyDepartment ? 'All departments' : 'All your departments' }), 'td'));
  table.appendChild(body);
  section.appendChild(table);
  const more = element('p');
  more.appendChild(element('a', { href: figures.dashboard, id: 'timeliness-dashboard-link' },
    'The dashboard: weekly chart, overdue list and CSV downloads'));
  section.appendChild(more);
  node.appendChild(section);
}

export default {
  id: 'timeliness',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, { api }) => {
    node.textContent = 'Loading the timeliness figures…';
    fetch(api.cockpitApi + '/plugin/timeliness/' + api.engine + '/figures', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        if (ok) {
          show(node, body);
        } else {
          node.textContent = '';
          node.appendChild(element('p', { id: 'timeliness-unavailable' },
            'Timeliness figures: ' + (body && body.message ? body.message : 'not available')));
        }
      })
      .catch(() => {
        node.textContent = 'The timeliness figures could not be loaded.';
      });
  }
};
