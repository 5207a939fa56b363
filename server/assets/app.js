// Morgue's search page. Everything from the archive is hostile input: it reaches the page
// only through textContent, DOM nodes and attributes set one by one (never innerHTML).
// The page's state is its URL (?q=&since=&until=&sort=&offset=, ?article=ID,
// ?person=NAME), so every view can be shared and every link is a plain link.
'use strict';

const PAGE_SIZE = 10;
const SVG = 'http://www.w3.org/2000/svg';
const here = new URLSearchParams(location.search);

function $(id) { return document.getElementById(id); }

// el('a', {href: '?q=x', class: 'y'}, 'text', node, ...): text arguments become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === '') continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

// A link to this page with these parameters (empty ones left out).
function pageUrl(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') p.set(k, v);
  }
  const s = p.toString();
  return s ? '/?' + s : '/';
}

// The search's parameters as they stand, changed by `changes`.
function searchUrl(changes) {
  const base = {
    q: here.get('q') || '',
    since: here.get('since') || '',
    until: here.get('until') || '',
    sort: here.get('sort') && here.get('sort') !== 'relevance' ? here.get('sort') : '',
  };
  return pageUrl(Object.assign(base, changes));
}

// A query clause for a facet value: a field and the value as a phrase.
function clause(field, value) {
  const clean = value.replace(/"/g, ' ').trim();
  return field === 'site' ? 'site:' + clean : field + ':"' + clean + '"';
}

function narrowed(field, value) {
  const q = (here.get('q') || '').trim();
  return (q ? q + ' ' : '') + clause(field, value);
}

async function api(path, params) {
  const p = new URLSearchParams();
  for (const [k, v] of params || []) {
    if (v !== null && v !== undefined && v !== '') p.append(k, v);
  }
  const url = path + (p.toString() ? '?' + p.toString() : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + res.status);
  return body;
}

function setStatus(text, isError) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', !!isError);
  s.setAttribute('role', isError ? 'alert' : 'status');
}

// The snippet with its highlighted spans (code point offsets) as <mark> elements.
function snippetNode(text, spans) {
  const p = el('p', { class: 'snippet' });
  const cps = Array.from(text || '');
  let at = 0;
  for (const [start, end] of spans || []) {
    if (start < at || end > cps.length || end <= start) continue;
    p.append(cps.slice(at, start).join(''));
    p.append(el('mark', {}, cps.slice(start, end).join('')));
    at = end;
  }
  p.append(cps.slice(at).join(''));
  return p;
}

function meta(a) {
  const parts = [];
  if (a.date) parts.push(el('time', { datetime: a.date }, a.date));
  if (a.authors && a.authors.length) parts.push('By ' + a.authors.join(', '));
  if (a.source) parts.push(a.source);
  const p = el('p', { class: 'meta' });
  parts.forEach((part, i) => { if (i) p.append(' · '); p.append(part); });
  return p;
}

// An http(s) URL from the archive, or null: no javascript:, data: or relative links.
function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) { return null; }
}

// --- the timeline: one bar per month (or year when the span is long), as inline SVG ----

function lastDay(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }

function periods(months) {
  // Every month between the first and last, empty ones included.
  if (!months.length) return [];
  const counts = new Map(months.map(v => [v.value, v.count]));
  const [y0, m0] = months[0].value.split('-').map(Number);
  const [y1, m1] = months[months.length - 1].value.split('-').map(Number);
  const out = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, m = 1) : m++) {
    const key = y + '-' + String(m).padStart(2, '0');
    out.push({ key, count: counts.get(key) || 0, since: key + '-01',
               until: key + '-' + String(lastDay(y, m)).padStart(2, '0') });
  }
  if (out.length <= 36) return out;
  const years = new Map();
  for (const p of out) {
    const y = p.key.slice(0, 4);
    if (!years.has(y)) years.set(y, { key: y, count: 0, since: y + '-01-01', until: y + '-12-31' });
    years.get(y).count += p.count;
  }
  return [...years.values()];
}

// Draws the bars into `section`; a bar links to `href(period)`.
function drawTimeline(section, months, href, noun) {
  const bars = periods(months);
  section.querySelectorAll('svg').forEach(n => n.remove());
  if (!bars.length) { section.hidden = true; return; }
  const most = Math.max(...bars.map(b => b.count), 1);
  // Bars at most 48 units wide; a label under every bar when they are few, else under
  // the first and the last.
  const every = bars.length <= 12;
  const W = 600, H = 100, gap = 2, foot = 16;
  const bw = Math.min(48, Math.max(2, (W - gap * bars.length) / bars.length));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H + foot}`, class: 'timeline', role: 'list',
                             'aria-label': noun + ' per ' + (bars[0].key.length === 4 ? 'year' : 'month') });
  bars.forEach((b, i) => {
    const x = i * (bw + gap);
    const h = b.count ? Math.max(3, Math.round((b.count / most) * H)) : 0;
    const label = `${b.key}: ${b.count} ${noun}`;
    const link = svg('a', { href: href(b), class: 'bar', role: 'listitem', 'aria-label': label,
                            'data-period': b.key, 'data-count': String(b.count) });
    const title = svg('title', {});
    title.textContent = label;
    link.append(title);
    // A full-height transparent target makes short bars easy to click.
    link.append(svg('rect', { x, y: 0, width: bw, height: H, class: 'hit-area' }));
    link.append(svg('rect', { x, y: H - h, width: bw, height: h, class: 'fill' }));
    chart.append(link);
    if (every || i === 0 || i === bars.length - 1) {
      const anchor = every ? 'middle' : i === 0 ? 'start' : 'end';
      const t = svg('text', { x: every ? x + bw / 2 : i === 0 ? x : x + bw, y: H + foot - 3,
                              'text-anchor': anchor, class: 'tick', 'aria-hidden': 'true' });
      t.textContent = b.key;
      chart.append(t);
    }
  });
  section.append(chart);
  section.hidden = false;
}

// --- views -----------------------------------------------------------------------------

function fillForm() {
  $('q').value = here.get('q') || '';
  $('since').value = here.get('since') || '';
  $('until').value = here.get('until') || '';
  $('sort').value = here.get('sort') || 'relevance';
  // Empty filters stay out of the URL.
  $('search').addEventListener('submit', () => {
    for (const id of ['since', 'until']) $(id).disabled = !$(id).value;
    $('sort').disabled = $('sort').value === 'relevance';
  });
}

const FACETS = [['person', 'People', 'person'], ['source', 'Sources', 'site'], ['tag', 'Tags', 'tag']];

function drawFacets(facets) {
  const aside = $('facets');
  aside.replaceChildren(el('h2', { class: 'visually-hidden' }, 'Narrow the search'));
  for (const [name, title, field] of FACETS) {
    const values = (facets && facets[name]) || [];
    if (!values.length) continue;
    const list = el('ul', {});
    for (const v of values) {
      list.append(el('li', {},
        el('a', { href: searchUrl({ q: narrowed(field, v.value) }), 'data-facet': name,
                  'aria-label': `${v.value}, ${v.count} ${v.count === 1 ? 'article' : 'articles'}: narrow to it` },
           v.value),
        ' ', el('span', { class: 'count', 'aria-hidden': 'true' }, v.count)));
    }
    aside.append(el('section', { class: 'facet', id: 'facet-' + name },
                    el('h3', {}, title), list));
  }
  aside.hidden = aside.children.length <= 1;
}

function drawPager(total, offset) {
  const nav = $('pager');
  nav.replaceChildren();
  if (total <= PAGE_SIZE) { nav.hidden = true; return; }
  const page = Math.floor(offset / PAGE_SIZE) + 1, pages = Math.ceil(total / PAGE_SIZE);
  if (offset > 0) {
    nav.append(el('a', { href: searchUrl({ offset: Math.max(0, offset - PAGE_SIZE) || '' }), rel: 'prev' },
                  '← Previous'));
  }
  nav.append(el('span', { 'aria-current': 'page' }, `Page ${page} of ${pages}`));
  if (offset + PAGE_SIZE < total) {
    nav.append(el('a', { href: searchUrl({ offset: offset + PAGE_SIZE }), rel: 'next' }, 'Next →'));
  }
  nav.hidden = false;
}

async function showSearch() {
  const q = here.get('q');
  const offset = Math.max(0, parseInt(here.get('offset') || '0', 10) || 0);
  document.title = q + ' — Morgue';
  setStatus('Searching…');
  const params = [['q', q], ['limit', PAGE_SIZE], ['offset', offset || ''],
                  ['sort', here.get('sort')], ['since', here.get('since')], ['until', here.get('until')],
                  ['facet', 'person:10'], ['facet', 'source:10'], ['facet', 'tag:10'], ['facet', 'month']];
  let r;
  try {
    r = await api('/api/search', params);
  } catch (e) {
    setStatus(e.message, true);
    return;
  }
  const first = r.hits.length ? r.hits[0].rank : 0;
  setStatus(r.total === 0 ? 'No matches.'
    : `${r.total_exact ? '' : 'About '}${r.total} ${r.total === 1 ? 'match' : 'matches'}` +
      (r.hits.length ? `, showing ${first}–${first + r.hits.length - 1}` : '') + '.');
  if (r.suggestion) {
    $('status').append(' Did you mean ', el('a', { href: searchUrl({ q: r.suggestion }) }, r.suggestion), '?');
  }
  const list = $('hits');
  list.replaceChildren();
  list.start = first || 1;
  for (const h of r.hits) {
    list.append(el('li', { class: 'hit', 'data-id': h.id },
      el('h2', {}, el('a', { href: pageUrl({ article: h.id, q }) }, h.title || '(untitled)')),
      meta(h), snippetNode(h.snippet, h.highlights)));
  }
  drawFacets(r.facets);
  drawTimeline($('timeline'), (r.facets && r.facets.month) || [],
               b => searchUrl({ since: b.since, until: b.until }), 'matches');
  drawPager(r.total, offset);
}

function paragraphs(text) {
  return (text || '').split(/\n\s*\n/).map(t => t.trim()).filter(Boolean).map(t => el('p', {}, t));
}

async function showArticle(id) {
  setStatus('Loading…');
  let a;
  try {
    a = await api('/api/article/' + encodeURIComponent(id));
  } catch (e) {
    setStatus(e.message, true);
    return;
  }
  setStatus('');
  document.title = (a.title || 'Article') + ' — Morgue';
  const art = $('article');
  const back = here.get('q') ? el('p', { class: 'back' }, el('a', { href: searchUrl({}) }, '← Back to results')) : null;
  const head = el('header', {}, el('h1', { id: 'article-title' }, a.title || '(untitled)'));
  if (a.subtitle) head.append(el('p', { class: 'subtitle' }, a.subtitle));
  const line = [];
  if (a.byline) line.push('By ' + a.byline);
  else if (a.authors.length) line.push('By ' + a.authors.join(', '));
  if (a.affiliation && !(a.byline || '').includes(a.affiliation)) line.push(a.affiliation);
  if (line.length) head.append(el('p', { class: 'byline' }, line.join(', ')));
  const when = el('p', { class: 'meta' });
  if (a.dateline) when.append(el('span', { class: 'dateline' }, a.dateline), ' · ');
  if (a.date) when.append(el('time', { datetime: a.date }, a.date));
  if (a.source) {
    const href = safeHref(a.url);
    when.append(' · ', href ? el('a', { href, rel: 'noopener noreferrer nofollow' }, a.source) : a.source);
  }
  head.append(when);
  const parts = [back, head];
  for (const c of a.captions || []) {
    parts.push(el('figure', { class: 'caption' }, el('figcaption', {}, c.text,
      c.credit ? el('span', { class: 'credit' }, ' (' + c.credit + ')') : null)));
  }
  parts.push(el('div', { class: 'body' }, ...paragraphs(a.body)));
  if ((a.bullets || []).length) {
    parts.push(el('ul', { class: 'bullets' }, ...a.bullets.map(b =>
      el('li', {}, b.label ? el('strong', { class: 'label' }, b.label + '.') : null, b.label ? ' ' : null, b.text))));
  }
  if ((a.people || []).length) {
    parts.push(el('section', { class: 'people', 'aria-labelledby': 'people-title' },
      el('h2', { id: 'people-title' }, 'People in this article'),
      el('ul', {}, ...a.people.map(p => el('li', {},
        el('a', { href: pageUrl({ q: clause('person', p.name) }), class: 'person' }, p.name),
        ' ', el('a', { href: pageUrl({ person: p.name }), class: 'profile',
                       'aria-label': 'Mentions of ' + p.name + ' over time' }, '(over time)'))))));
  }
  if ((a.tags || []).length) {
    parts.push(el('p', { class: 'tags' }, 'Tags: ', ...a.tags.flatMap((t, i) =>
      [i ? ', ' : '', el('a', { href: pageUrl({ q: clause('tag', t) }) }, t)])));
  }
  art.replaceChildren(...parts.filter(Boolean));
  art.setAttribute('aria-labelledby', 'article-title');
  art.hidden = false;
}

async function showPerson(name) {
  document.title = name + ' — Morgue';
  setStatus('Loading…');
  const q = clause('person', name);
  let r;
  try {
    r = await api('/api/search', [['q', q], ['limit', 5], ['sort', 'newest'],
                                  ['facet', 'month'], ['facet', 'person:11']]);
  } catch (e) {
    setStatus(e.message, true);
    return;
  }
  setStatus('');
  const sec = $('person');
  const timeline = el('section', { id: 'person-timeline', 'aria-labelledby': 'person-tl' },
                      el('h2', { id: 'person-tl' }, 'Mentions over time'));
  const key = name.toLowerCase();
  const others = ((r.facets && r.facets.person) || []).filter(p => p.value.toLowerCase() !== key).slice(0, 10);
  sec.replaceChildren(
    el('h1', { id: 'person-name' }, name),
    el('p', {}, `Named in ${r.total} ${r.total === 1 ? 'article' : 'articles'}. `,
       el('a', { href: pageUrl({ q }) }, 'Search them')),
    timeline,
    el('section', { 'aria-labelledby': 'co-title' }, el('h2', { id: 'co-title' }, 'Most often named alongside'),
       others.length ? el('ol', { class: 'co-mentions' }, ...others.map(p => el('li', {},
         el('a', { href: pageUrl({ person: p.value }) }, p.value), ' ',
         el('span', { class: 'count' }, `(${p.count})`)))) : el('p', {}, 'Nobody else.')),
    el('section', { 'aria-labelledby': 'recent-title' }, el('h2', { id: 'recent-title' }, 'Latest articles'),
       el('ul', {}, ...r.hits.map(h => el('li', {},
         el('a', { href: pageUrl({ article: h.id }) }, h.title || '(untitled)'), ' ', meta(h))))));
  drawTimeline(timeline, (r.facets && r.facets.month) || [],
               b => pageUrl({ q, since: b.since, until: b.until }), 'articles');
  sec.hidden = false;
}

async function showIntro() {
  $('intro').hidden = false;
  try {
    const fields = await api('/api/fields');
    $('fields').tBodies[0].replaceChildren(...fields.map(f => el('tr', {},
      el('th', { scope: 'row' }, f.name + ':' + (f.aliases ? ' / ' + f.aliases + ':' : '')),
      el('td', {}, f.description), el('td', {}, el('a', { href: pageUrl({ q: f.example }) }, f.example)))));
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function main() {
  fillForm();
  if (here.has('article')) await showArticle(here.get('article'));
  else if (here.has('person')) await showPerson(here.get('person'));
  else if ((here.get('q') || '').trim()) await showSearch();
  else await showIntro();
  document.body.dataset.ready = '1'; // the tests wait for this
}

main();
