// The live flow page: lists processors and recent runs, starts flows, and follows one run
// (?run=<id>) over Server-Sent Events, redrawing its graph and figures on every update.
'use strict';

const api = 'api';
let live = null;

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || response.statusText;
  } catch (e) {
    return response.status + ' ' + response.statusText;
  }
}

async function loadProcessors() {
  const list = document.getElementById('processors');
  const processors = await (await fetch(api + '/processors')).json();
  list.replaceChildren(...processors.map(p => element('li',
    `${p.name}: ${p.inputs.join(', ') || '∅'} → ${p.outputs.join(', ') || '∅'}${p.wait ? ' (awaits inputs)' : ''}`)));
}

// The run list: the history filtered by the form above it, 10 at a time; "Older runs" follows the
// Link rel="next" of the last page.
let olderRuns = null;
let runsAsked = 0; // answers to earlier requests (typing sends one per key) are dropped

function runsQuery() {
  const form = document.getElementById('run-filter');
  const query = new URLSearchParams({ limit: '10' });
  ['status', 'processor', 'startedBy'].forEach(name => {
    const value = form.elements[name].value.trim();
    if (value) query.set(name, value);
  });
  return api + '/flows?' + query;
}

function nextPage(response) {
  const match = /<([^>]*)>;\s*rel="next"/.exec(response.headers.get('Link') || '');
  return match ? match[1] : null;
}

async function loadRuns(more = false) {
  const list = document.getElementById('runs');
  const asked = ++runsAsked;
  const response = await fetch(more && olderRuns ? olderRuns : runsQuery());
  if (asked !== runsAsked) return;
  if (!response.ok) {
    list.replaceChildren(element('li', await problem(response), { class: 'error' }));
    return;
  }
  const runs = await response.json();
  if (asked !== runsAsked) return;
  olderRuns = nextPage(response);
  document.getElementById('older-runs').hidden = !olderRuns;
  const items = runs.map(run => {
    const item = element('li', undefined, { 'data-run': run.id });
    const link = element('a', run.processors.join(' → '), { href: '?run=' + run.id });
    link.addEventListener('click', event => { event.preventDefault(); show(run.id); });
    item.append(link, ' ', element('span', run.status, { class: 'status ' + run.status }));
    return item;
  });
  if (more) list.append(...items); else list.replaceChildren(...items);
}

async function start(event) {
  event.preventDefault();
  const form = event.target;
  const error = document.getElementById('start-error');
  error.textContent = '';
  let inputs;
  try {
    inputs = JSON.parse(form.inputs.value || '{}');
  } catch (e) {
    error.textContent = 'Inputs are not JSON: ' + e.message;
    return;
  }
  const processors = form.processors.value.split(',').map(name => name.trim()).filter(name => name);
  const response = await fetch(api + '/flows', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ processors, inputs })
  });
  if (response.status !== 201) {
    error.textContent = await problem(response);
    return;
  }
  show((await response.json()).id);
  loadRuns();
}

function show(runId) {
  history.replaceState(null, '', '?run=' + encodeURIComponent(runId));
  if (live) live.close();
  document.getElementById('run').hidden = false;
  document.getElementById('run-id').textContent = runId;
  document.getElementById('run-error').textContent = '';
  document.getElementById('run-duration').textContent = '';
  rates = new Map();
  live = new EventSource(`${api}/flows/${encodeURIComponent(runId)}/live`);
  live.addEventListener('state', event => render(JSON.parse(event.data)));
  live.onerror = async () => {
    live.close();
    const response = await fetch(`${api}/flows/${encodeURIComponent(runId)}`);
    if (!response.ok) document.getElementById('run-error').textContent = await problem(response);
  };
}

// each stream's rate over the last minute, as the live state events brought it (about one a second)
const WINDOW_MS = 60_000;
let rates = new Map();

function remember(state) {
  const now = Date.now();
  for (const io of state.ios) {
    const samples = (rates.get(io.name) || []).filter(sample => now - sample.t <= WINDOW_MS);
    samples.push({ t: now, rate: io.rate });
    rates.set(io.name, samples);
  }
}

// a small line chart of a stream's rate over the last minute (or since the page began to follow the run,
// if that is shorter: the whole width is used either way); its title says the span and the peak
function sparkline(name) {
  const samples = rates.get(name) || [];
  const width = 120, height = 24, now = Date.now();
  const span = Math.min(WINDOW_MS, Math.max(1000, now - (samples.length ? samples[0].t : now)));
  const peak = Math.max(1, ...samples.map(sample => sample.rate));
  const points = samples.map(sample => {
    const x = width - (now - sample.t) / span * width;
    const y = height - 1 - sample.rate / peak * (height - 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  }).join(' ');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('data-samples', String(samples.length));
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = `${name}: values per second over the last ${Math.round(span / 1000)} s, peak ${peak}/s`;
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points);
  svg.append(title, line);
  return svg;
}

function formatDuration(ms) {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function render(state) {
  remember(state);
  document.getElementById('run-duration').textContent =
    state.durationMs === undefined ? '' : formatDuration(state.durationMs);
  const status = document.getElementById('run-status');
  status.textContent = state.status;
  status.className = 'status ' + state.status;
  document.getElementById('graph').innerHTML = state.svg;
  document.getElementById('run-error').textContent =
    state.error ? `processor '${state.error.processor}' failed: ${state.error.message}` : '';
  const rows = state.ios.map(io => {
    const row = element('tr', undefined, { 'data-stream': io.name });
    const readers = io.readers.map(r => `${r.processor}: ${r.read} (${r.rate})`).join(', ') || '—';
    const backlog = Math.max(0, ...io.readers.map(r => r.backlog));
    row.append(element('td', io.name), element('td', String(io.count), { class: 'number count' }),
      element('td', String(io.rate), { class: 'number' }), element('td', readers),
      element('td', String(backlog), { class: 'number' + (backlog >= 1000 ? ' lagging' : '') }),
      element('td', io.complete ? '✓' : ''));
    const chart = element('td', undefined, { class: 'chart' });
    chart.append(sparkline(io.name));
    row.append(chart);
    return row;
  });
  document.querySelector('#streams tbody').replaceChildren(...rows);
  const dead = Object.entries(state.deadLettersByProcessor || {}).map(([p, n]) => `${p} ${n}`).join(', ');
  document.getElementById('dead-letters').textContent = dead ? `dead letters: ${dead}` : '';
  if (state.status !== 'RUNNING') {
    live.close();
    loadRuns();
  }
}

document.getElementById('start').addEventListener('submit', start);
document.getElementById('run-filter').addEventListener('input', () => loadRuns());
document.getElementById('older-runs').addEventListener('click', () => loadRuns(true));
loadProcessors();
loadRuns();
const requested = new URLSearchParams(location.search).get('run');
if (requested) show(requested);
