// The page of `sohieu serve`: plain DOM and the JSON API, no build step. Routes live in the hash:
// #/search?q=…  #/ref/<number>  #/doc/<id>  #/refs  and #/ (an overview).
'use strict';

const OPEN = '\u0002', CLOSE = '\u0003';   // the highlighter's marks in snippets (highlight=true)
const LANGS = { vi: 'Vietnamese', ru: 'Russian', fr: 'French', pl: 'Polish', en: 'English' };
const main = document.getElementById('main');

/** An element with attributes and children (strings become text: nothing from the index is parsed as HTML). */
function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null && c !== false) e.append(c instanceof Node ? c : nfc(String(c)));
  return e;
}
const nfc = s => s.normalize('NFC');
const refLink = canonical => h('a', { class: 'ref', href: '#/ref/' + encodeURIComponent(canonical) }, canonical);
const docHref = id => '#/doc/' + encodeURIComponent(id);

async function api(path, params) {
  const qs = params ? '?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')) : '';
  const r = await fetch('/api/' + path + qs);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function show(...nodes) { main.replaceChildren(...nodes.flat().filter(n => n != null && n !== false)); window.scrollTo(0, 0); }
function failed(e) { show(h('p', { class: 'error', id: 'error' }, e.message)); }

/** A snippet with its matches in <mark>. */
function marked(snippet) {
  const out = [];
  for (const part of snippet.split(OPEN)) {
    const close = part.indexOf(CLOSE);
    if (close < 0) { out.push(part); continue; }
    out.push(h('mark', {}, part.slice(0, close)), part.slice(close + 1));
  }
  return h('p', { class: 'snippet' }, out);
}

function searchHref(params) { return '#/search?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v)); }

async function searchPage(params) {
  document.getElementById('q').value = params.get('q') || '';
  const p = Object.fromEntries(params);
  if (!p.q) return overview();
  try {
    const [result, facets] = await Promise.all([api('search', { ...p, highlight: true, limit: p.limit || 20 }),
      api('facets', { q: p.q, lang: p.lang, from: p.from, to: p.to, top: 15 })]);
    const facet = (title, counts, link) => counts.length === 0 ? null : [h('h3', {}, title),
      h('ul', {}, counts.map(c => h('li', {}, h('a', { href: link(c.label) }, c.label), h('span', { class: 'dim' }, c.documents))))];
    const narrowed = extra => searchHref({ ...p, offset: '', ...extra });
    const months = facets.months.slice().sort((a, b) => b.label.localeCompare(a.label));
    const side = h('aside', { class: 'facets', id: 'facets' },
      (p.lang || p.from) ? h('p', {}, h('a', { href: searchHref({ q: p.q }) }, '× clear filters')) : null,
      facet('Language', facets.languages, l => narrowed({ lang: l })),
      facet('Month', months, m => narrowed({ from: m, to: m })),
      facet('Outlet', facets.outlets, o => searchHref({ q: p.q + ' outlet:"' + o + '"' })),
      facet('Reference type', facets.types, t => searchHref({ q: p.q + ' type:' + t })),
      facet('References', facets.references, r => '#/ref/' + encodeURIComponent(r)));
    const hits = result.hits.map(hit => h('article', { class: 'hit' },
      h('h2', {}, h('a', { href: docHref(hit.path), class: 'hit-title' }, hit.title || hit.path)),
      h('div', { class: 'meta' }, [hit.date, hit.outlet, hit.languages.map(l => LANGS[l] || l).join(', ')].filter(Boolean).join(' · ')),
      hit.copies.length ? h('div', { class: 'dim' }, 'also at ' + hit.copies.join(', ')) : null,
      hit.group_size > 1 ? h('div', { class: 'dim' }, '+ ' + (hit.group_size - 1) + ' similar: ',
        hit.similar.map(s => h('a', { href: docHref(s) }, s + ' '))) : null,
      hit.snippets.map(marked),
      h('div', {}, hit.refs.filter((r, i, a) => a.indexOf(r) === i).map(refLink))));
    // A full page only: the total counts documents, a page counts stories (copies collapse into one hit)
    const more = result.hits.length === +(p.limit || 20) && result.total > (+(p.offset || 0) + result.hits.length)
      ? h('p', {}, h('a', { href: narrowed({ offset: +(p.offset || 0) + result.hits.length, lang: p.lang, from: p.from, to: p.to }) }, 'next page →')) : null;
    show(h('div', { class: 'layout' }, side, h('section', { id: 'hits' },
      h('p', { class: 'dim', id: 'total' }, result.total + (result.total === 1 ? ' document' : ' documents')
        + (result.undated_excluded ? ' (' + result.undated_excluded + ' undated left out by the dates)' : '')),
      result.widened ? h('p', { id: 'widened' }, Object.entries(result.widened).map(([word, prefix]) =>
        'No document has “' + word + '”: showing words beginning “' + prefix.slice(0, -1) + '”.').join(' ')) : null,
      hits, more)));
  } catch (e) { failed(e); }
}

/** Every month from the first to the last, with its mentions (0 where none). */
function everyMonth(timeline) {
  const months = Object.keys(timeline).sort();
  if (months.length === 0) return [];
  const out = [];
  let [y, m] = months[0].split('-').map(Number);
  const last = months[months.length - 1];
  for (;;) {
    const key = y + '-' + String(m).padStart(2, '0');
    out.push([key, timeline[key] || 0]);
    if (key >= last) break;
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

async function refPage(typed) {
  let cite;
  try { cite = await api('cite', { ref: typed, limit: 100 }); } catch (e) { return failed(e); }
  const ref = cite.profile ? cite.profile.reference : { canonical: cite.canonical, issued: {} };
  const names = await api('names', { type: ref.type, issuer: ref.issuer }).catch(() => ({}));
  const named = [names.type, names.issuer && 'of the ' + names.issuer].filter(Boolean).join(' ');
  const words = named && named[0].toUpperCase() + named.slice(1);
  const wordsVi = [names.type_vi, names.issuer_vi].filter(Boolean).join(' ');
  const issued = Object.entries(ref.issued || {});
  const timelineBox = h('div', { class: 'chart', id: 'timeline' });
  const graphBox = h('div', { class: 'graph', id: 'cocited' });
  const self = cite.articles.filter(a => a.self), others = cite.articles.filter(a => !a.self);
  show(
    h('h1', { id: 'ref-title' }, cite.canonical),
    h('p', { id: 'ref-words' }, words || 'type and issuer unknown', wordsVi ? h('span', { class: 'dim' }, ' (' + wordsVi + ')') : null),
    h('div', { class: 'cards' },
      h('div', { class: 'card' }, h('strong', {}, 'Stated issue date'), issued.length === 0 ? h('p', { class: 'dim' }, 'no text states it')
        : h('ul', { id: 'issued' }, issued.map(([d, n]) => h('li', {}, d, h('span', { class: 'dim' }, ' stated in ' + n + (n === 1 ? ' article' : ' articles'))))),
        issued.length > 1 ? h('p', { class: 'conflict' }, 'The texts state different dates.') : null),
      h('div', { class: 'card' }, h('strong', {}, 'Citations'),
        h('p', { id: 'ref-total' }, 'cited by ' + cite.total + (cite.total === 1 ? ' article' : ' articles')
          + (ref.mentions ? ', ' + ref.mentions + ' mentions' : '')),
        ref.first_seen ? h('p', { class: 'dim' }, 'seen ' + ref.first_seen + ' to ' + ref.last_seen + ' in ' + ref.languages.map(l => LANGS[l] || l).join(', ')) : null)),
    h('h2', {}, 'Mentions per month'), timelineBox,
    h('h2', {}, 'Cited together with'), graphBox,
    self.length ? h('h2', {}, 'The document itself') : null, self.map(article),
    h('h2', {}, 'Every mention, newest first' + (cite.total > others.length ? ' (newest ' + others.length + ' of ' + cite.total + ')' : '')),
    h('div', { id: 'mentions' }, others.map(article)));
  const months = everyMonth(cite.profile ? cite.profile.timeline : {});
  const chart = echarts.init(timelineBox);
  chart.setOption({
    tooltip: { trigger: 'axis' }, grid: { left: 40, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: months.map(m => m[0]) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: 'mentions', type: 'bar', barMaxWidth: 48, data: months.map(m => m[1]), itemStyle: { color: '#8b1a1a' } }] });
  const co = cite.profile ? cite.profile.co_cited : [];
  const graph = echarts.init(graphBox);
  const max = Math.max(1, ...co.map(c => c.documents));
  graph.setOption({
    tooltip: { formatter: p => p.dataType === 'edge' ? p.data.value + ' articles cite both' : p.name },
    series: [{ type: 'graph', layout: 'force', roam: true, label: { show: true, position: 'right', color: '#1d2430', fontSize: 13 }, force: { repulsion: 400, edgeLength: [90, 220] },
      data: [{ name: cite.canonical, symbolSize: 40, itemStyle: { color: '#8b1a1a' } },
        ...co.map(c => ({ name: c.label, symbolSize: 14 + 20 * c.documents / max }))],
      links: co.map(c => ({ source: cite.canonical, target: c.label, value: c.documents, lineStyle: { width: 1 + 5 * c.documents / max } }))}] });
  graph.on('click', p => { if (p.dataType === 'node' && p.name !== cite.canonical) location.hash = '#/ref/' + encodeURIComponent(p.name); });
}

/** A citing article and the sentence of each of its mentions, the mention marked. */
function article(a) {
  return h('div', { class: 'article' + (a.self ? ' self' : '') },
    h('a', { href: docHref(a.path), class: 'article-title' }, a.title || a.path),
    h('div', { class: 'meta' }, [a.date, a.outlet, a.languages.map(l => LANGS[l] || l).join(', ')].filter(Boolean).join(' · ')),
    a.mentions.map(m => {
      const s = m.sentence || m.raw, at = s.indexOf(m.raw);
      return h('p', { class: 'sentence' }, at < 0 ? s : [s.slice(0, at), h('mark', {}, m.raw), s.slice(at + m.raw.length)]);
    }));
}

async function docPage(id) {
  let d;
  try { d = await api('docs/' + id.split('/').map(encodeURIComponent).join('/')); } catch (e) { return failed(e); }
  const cites = d.citations.slice().sort((a, b) => a.start - b.start);
  const paragraphs = d.paragraphs.map(p => {
    const parts = [];
    let at = p.start;
    for (const c of cites) {
      if (c.start < at || c.end > p.end) continue;
      parts.push(d.text.slice(at, c.start), h('a', { class: 'ref cite-link', href: '#/ref/' + encodeURIComponent(c.canonical), title: c.canonical },
        d.text.slice(c.start, c.end)));
      at = c.end;
    }
    parts.push(d.text.slice(at, p.end));
    return h('div', { class: 'para' }, h('span', { class: 'lang ' + p.lang, title: LANGS[p.lang] || p.lang }, p.lang),
      h('p', { lang: p.lang }, parts));
  });
  show(h('h1', {}, d.title || d.path),
    h('p', { class: 'meta dim' }, [d.date, d.outlet, d.languages.map(l => LANGS[l] || l).join(', ')].filter(Boolean).join(' · '),
      d.url ? [' · ', h('a', { href: d.url, rel: 'noreferrer noopener' }, 'source')] : null),
    h('p', { class: 'dim' }, d.path),
    h('div', { id: 'doc-refs' }, [...new Set(d.citations.map(c => c.canonical))].map(refLink)),
    h('section', { id: 'doc-text' }, paragraphs));
}

async function refsPage() {
  let rows;
  try { rows = (await api('refs')).references; } catch (e) { return failed(e); }
  const columns = [['canonical', 'Reference'], ['articles', 'Articles'], ['mentions', 'Mentions'], ['first_seen', 'First'],
    ['last_seen', 'Last'], ['languages', 'Languages'], ['type', 'Type'], ['issuer', 'Issuer'], ['issued', 'Issued']];
  const value = (r, k) => k === 'languages' ? r.languages.join('+') : k === 'issued' ? Object.keys(r.issued).join(', ') : r[k];
  let sortKey = 'articles', ascending = false;
  const filter = h('input', { type: 'search', id: 'refs-filter', placeholder: 'filter: number, type, issuer, language…' });
  const typeSel = h('select', { id: 'refs-type' }, h('option', { value: '' }, 'any type'),
    [...new Set(rows.map(r => r.type).filter(Boolean))].sort().map(t => h('option', { value: t }, t)));
  const issuerSel = h('select', { id: 'refs-issuer' }, h('option', { value: '' }, 'any issuer'),
    [...new Set(rows.map(r => r.issuer).filter(Boolean))].sort().map(t => h('option', { value: t }, t)));
  const head = h('tr', {}, columns.map(([k, label]) => h('th', { 'data-key': k, onclick: () => {
    ascending = sortKey === k ? !ascending : k !== 'articles' && k !== 'mentions';
    sortKey = k; draw(); } }, label)));
  const body = h('tbody');
  const count = h('p', { class: 'dim', id: 'refs-count' });
  function draw() {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = rows.filter(r => (!typeSel.value || r.type === typeSel.value) && (!issuerSel.value || r.issuer === issuerSel.value)
      && words.every(w => columns.some(([k]) => String(value(r, k) ?? '').toLowerCase().includes(w))));
    shown.sort((a, b) => {
      const x = value(a, sortKey) ?? '', y = value(b, sortKey) ?? '';
      const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
      return ascending ? c : -c;
    });
    for (const th of head.children) th.setAttribute('aria-sort', th.dataset.key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
    body.replaceChildren(...shown.map(r => h('tr', {}, columns.map(([k]) => k === 'canonical' ? h('td', {}, refLink(r.canonical))
      : h('td', { class: typeof r[k] === 'number' ? 'num' : null }, value(r, k) ?? '')))));
    count.textContent = shown.length + ' of ' + rows.length + ' references';
  }
  for (const input of [filter, typeSel, issuerSel]) input.addEventListener('input', draw);
  show(h('h1', {}, 'References'), h('div', { class: 'filters' }, filter, typeSel, issuerSel), count,
    h('table', { id: 'refs-table' }, h('thead', {}, head), body));
  draw();
}

async function overview() {
  let s;
  try { s = await api('stats', { top: 10 }); } catch (e) { return failed(e); }
  const list = (title, counts, link) => h('div', { class: 'card' }, h('strong', {}, title),
    h('ul', {}, counts.map(c => h('li', {}, link ? link(c.label) : c.label, h('span', { class: 'dim' }, ' ' + c.documents)))));
  show(h('h1', {}, s.documents + ' documents'),
    h('div', { class: 'cards' }, list('Most cited', s.references, refLink),
      list('Languages', s.languages, l => h('a', { href: searchHref({ q: 'lang:' + l }) }, LANGS[l] || l)),
      list('Outlets', s.outlets)));
}

function route() {
  const hash = location.hash.slice(1) || '/';
  const [path, query] = hash.split('?');
  if (path !== '/search') document.getElementById('q').value = '';
  if (path === '/search') return searchPage(new URLSearchParams(query));
  if (path.startsWith('/ref/')) return refPage(decodeURIComponent(path.slice(5)));
  if (path.startsWith('/doc/')) return docPage(decodeURIComponent(path.slice(5)));
  if (path === '/refs') return refsPage();
  return overview();
}

document.getElementById('search-form').addEventListener('submit', e => {
  e.preventDefault();
  location.hash = searchHref({ q: document.getElementById('q').value });
});
window.addEventListener('hashchange', route);
route();
