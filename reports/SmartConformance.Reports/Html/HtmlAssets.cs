using System.Security.Cryptography;
using System.Text;

namespace SmartConformance.Reports.Html;

/// <summary>The stylesheet and script inlined in report.html, so the page needs nothing but itself.</summary>
internal static class HtmlAssets
{
    public const string Css = """
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --bg: #ffffff; --accent: #0550ae;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --error: #bc4c00; --error-bg: #fff1e5; --warn: #9a6700; --warn-bg: #fff8c5;
  --skip: #6e7781; --skip-bg: #eaeef2;
  --bar-pass: #2da44e; --bar-fail: #cf222e; --bar-error: #e16f24; --bar-warn: #d4a72c; --bar-skip: #afb8c1;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--soft); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
a { color: var(--accent); }
code, pre, .mono { font-family: var(--mono); font-size: 12.5px; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
h1, h2, h3 { line-height: 1.25; }
.wrap { max-width: 1200px; margin: 0 auto; padding: 0 24px; }

.top { background: var(--bg); border-bottom: 1px solid var(--line); padding: 20px 0 16px; }
.title-row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.top h1 { margin: 0; font-size: 24px; font-weight: 650; }
.outcome { font-weight: 650; font-size: 12px; letter-spacing: .04em; text-transform: uppercase; padding: 3px 10px; border-radius: 999px; }
.outcome.ok { background: var(--pass-bg); color: var(--pass); }
.outcome.bad { background: var(--fail-bg); color: var(--fail); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 14px 0 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.chip { display: inline-block; font-family: var(--mono); font-size: 12px; padding: 0 6px; margin: 0 4px 2px 0; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); }
.chip.fault { border-color: #f0b37e; background: var(--error-bg); color: var(--error); }

main { padding: 16px 0 40px; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
.notices { border-color: #d4a72c; background: var(--warn-bg); padding: 12px 16px; margin-bottom: 16px; }
.notices h2 { margin: 0 0 6px; font-size: 15px; color: #7d4e00; }
.notices ul { margin: 0; padding-left: 20px; }

.overview { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 16px; margin-bottom: 16px; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; padding: 12px; align-content: start; }
.tile { font: inherit; text-align: left; cursor: pointer; border: 1px solid var(--line); border-left: 4px solid var(--skip); border-radius: 6px; background: var(--bg); padding: 8px 10px; color: var(--fg); }
.tile:hover { background: var(--soft); }
.tile b { display: block; font-size: 22px; line-height: 1.1; }
.tile span { color: var(--muted); font-size: 12px; }
.tile.v-pass { border-left-color: var(--bar-pass); } .tile.v-fail { border-left-color: var(--bar-fail); }
.tile.v-error { border-left-color: var(--bar-error); } .tile.v-warn { border-left-color: var(--bar-warn); }
.tile.v-skip { border-left-color: var(--bar-skip); } .tile.v-all { border-left-color: var(--accent); }
.rates { padding: 12px 16px; }
.rates h2, .tiles h2 { margin: 0 0 8px; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.rate { display: grid; grid-template-columns: minmax(120px, 2fr) 3fr minmax(110px, max-content); gap: 10px; align-items: center; padding: 3px 0; }
.rate a { color: var(--fg); text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rate a:hover { text-decoration: underline; }
.rate .n { color: var(--muted); font-size: 12px; text-align: right; white-space: nowrap; }
.bar { display: flex; height: 10px; border-radius: 5px; overflow: hidden; background: var(--skip-bg); }
.bar i { display: block; height: 100%; }
.bar .pass { background: var(--bar-pass); } .bar .fail { background: var(--bar-fail); } .bar .error { background: var(--bar-error); }
.bar .warn { background: var(--bar-warn); } .bar .skip { background: var(--bar-skip); }

.toolbar { display: none; position: sticky; top: 0; z-index: 5; gap: 8px; align-items: center; flex-wrap: wrap; padding: 8px 12px; margin-bottom: 16px; box-shadow: 0 1px 3px rgba(31,35,40,.08); }
.js .toolbar { display: flex; }
.toolbar button, .toolbar select, .toolbar input { font: inherit; font-size: 13px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); padding: 4px 10px; }
.toolbar button { cursor: pointer; }
.toolbar button[aria-pressed="true"] { background: var(--fg); border-color: var(--fg); color: #fff; }
.toolbar input { flex: 1 1 180px; min-width: 140px; }
.toolbar .count { color: var(--muted); font-size: 12px; margin-left: auto; }
.filters { display: flex; gap: 4px; flex-wrap: wrap; }

.group { margin-bottom: 20px; }
.group > h2 { font-size: 17px; margin: 0 0 8px; display: flex; align-items: baseline; gap: 10px; }
.group > h2 small { font-size: 12px; font-weight: 400; color: var(--muted); }
.check { border-left: 4px solid var(--skip); padding: 10px 14px 12px; margin-bottom: 8px; scroll-margin-top: 64px; }
.check.v-pass { border-left-color: var(--bar-pass); } .check.v-fail { border-left-color: var(--bar-fail); }
.check.v-error { border-left-color: var(--bar-error); } .check.v-warn { border-left-color: var(--bar-warn); }
.check:target, .check.flash { box-shadow: 0 0 0 3px rgba(5,80,174,.35); }
.check-head { display: flex; align-items: baseline; gap: 10px; }
.check-head h3 { margin: 0; font-size: 15px; font-weight: 600; flex: 1; }
.check-id { font-family: var(--mono); font-size: 13px; font-weight: 600; color: var(--fg); text-decoration: none; white-space: nowrap; }
.check-id:hover { text-decoration: underline; }
.dur { color: var(--muted); font-size: 12px; white-space: nowrap; }
.badge { display: inline-block; min-width: 48px; text-align: center; font-size: 11px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; padding: 1px 7px; border-radius: 4px; border: 1px solid transparent; white-space: nowrap; }
.badge.v-pass { background: var(--pass-bg); color: var(--pass); border-color: #aceebb; }
.badge.v-fail { background: var(--fail-bg); color: var(--fail); border-color: #ffcecb; }
.badge.v-error { background: var(--error-bg); color: var(--error); border-color: #ffd8b5; }
.badge.v-warn { background: var(--warn-bg); color: var(--warn); border-color: #f5e0a0; }
.badge.v-skip, .badge.v-other { background: var(--skip-bg); color: #424a53; border-color: var(--line); }
.check-meta { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 4px 0 8px; font-size: 12.5px; color: var(--muted); }
.msg { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.check.v-fail .msg { background: #fff8f7; border-color: #ffcecb; }
.check.v-error .msg { background: #fffaf5; border-color: #ffd8b5; }
.check.v-warn .msg { background: #fffdf0; border-color: #f5e0a0; }

.shots { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 10px; }
.shots figure { margin: 0; }
.shots img { display: block; max-width: 220px; max-height: 150px; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); }
.shots figcaption { font-size: 12px; color: var(--muted); max-width: 220px; }
.files { margin: 8px 0 0; padding-left: 18px; font-size: 13px; }
.files .missing { color: var(--muted); font-style: italic; }
.run-files { margin: 0; padding-left: 16px; }

.baseline { padding: 12px 16px; margin-bottom: 16px; }
.baseline h2 { margin: 0 0 2px; font-size: 15px; }
.baseline-source { margin: 0 0 10px; color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.baseline-lists { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; }
.baseline-list { border: 1px solid var(--line); border-top: 4px solid var(--bar-skip); border-radius: 6px; padding: 8px 10px; }
.baseline-list.new { border-top-color: var(--bar-fail); } .baseline-list.fixed { border-top-color: var(--bar-pass); } .baseline-list.same { border-top-color: var(--bar-error); }
.baseline-list h3 { margin: 0; font-size: 14px; display: flex; justify-content: space-between; }
.baseline-list.new .n { color: var(--fail); } .baseline-list.fixed .n { color: var(--pass); }
.baseline-list .meaning { margin: 0 0 6px; font-size: 12px; color: var(--muted); }
.baseline-list ul { margin: 0; padding-left: 16px; font-size: 13px; }
.baseline-list .was { color: var(--muted); font-size: 12px; white-space: nowrap; }

details > summary { cursor: pointer; }
section.requirements { padding: 12px 16px; margin: 16px 0; }
details.req-group { margin: 8px 0; }
table.req { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 6px; }
table.req th, table.req td { text-align: left; vertical-align: top; padding: 4px 8px 4px 0; border-bottom: 1px solid #eef1f4; }
table.req td:first-child { white-space: nowrap; }
table.req a.chip { text-decoration: none; }
.exchanges { margin-top: 10px; }
.exchanges > summary { font-size: 13px; color: var(--accent); font-weight: 500; }
.ex { border: 1px solid var(--line); border-radius: 6px; margin-top: 6px; background: var(--bg); }
.ex > summary { display: flex; gap: 8px; align-items: baseline; padding: 5px 10px; font-size: 12.5px; list-style-position: inside; }
.ex[open] > summary { border-bottom: 1px solid var(--line); background: var(--soft); }
.ex .method { font-family: var(--mono); font-weight: 700; }
.ex .url { font-family: var(--mono); flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ex .tag { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; white-space: nowrap; }
.status { font-family: var(--mono); font-weight: 700; white-space: nowrap; }
.status.s2 { color: var(--pass); } .status.s3 { color: var(--accent); } .status.s4 { color: var(--error); } .status.s5, .status.none { color: var(--fail); }
.ex-body { padding: 8px 12px 12px; }
.ex-body h4 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.ex-body h4:first-child { margin-top: 0; }
.full-url { font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
.ex-error { color: var(--fail); }
table.headers { border-collapse: collapse; width: 100%; font-family: var(--mono); font-size: 12px; }
table.headers th, table.headers td { text-align: left; vertical-align: top; padding: 2px 8px 2px 0; border-bottom: 1px solid #eef1f4; }
table.headers th { font-weight: 600; white-space: nowrap; width: 1%; color: #424a53; }
table.headers td { overflow-wrap: anywhere; }
.body { max-height: 420px; overflow: auto; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.note { font-size: 12px; color: var(--warn); margin: 4px 0 0; }
.none { color: var(--muted); font-style: italic; font-size: 12.5px; }
.jwt { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; margin-top: 8px; padding: 8px; border: 1px dashed #a8b4c0; border-radius: 6px; }
.jwt > div > b { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-bottom: 2px; }
.jwt pre { background: var(--soft); border-radius: 4px; padding: 6px 8px; max-height: 320px; overflow: auto; }
.jwt .times { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.empty { text-align: center; color: var(--muted); padding: 32px; }
footer { color: var(--muted); font-size: 12px; padding: 0 0 32px; }

@media (max-width: 860px) {
  .overview, .baseline-lists { grid-template-columns: 1fr; }
  .jwt { grid-template-columns: 1fr; }
  .rate { grid-template-columns: minmax(90px, 1fr) 2fr; }
  .rate .n { grid-column: 1 / -1; text-align: left; }
}
@media print {
  body { background: #fff; }
  .toolbar { display: none !important; }
  .check { break-inside: avoid; }
}
""";

    public const string Js = """
(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');
  var list = function (selector) { return Array.prototype.slice.call(doc.querySelectorAll(selector)); };
  var checks = list('article.check');
  var groups = list('section.group');
  var verdictButtons = list('[data-verdict-filter]');
  var groupSelect = doc.getElementById('sc-group-filter');
  var search = doc.getElementById('sc-search');
  var count = doc.getElementById('sc-count');
  var empty = doc.getElementById('sc-empty');
  var state = { verdict: '', group: '', text: '' };

  function apply() {
    var shown = 0;
    checks.forEach(function (check) {
      var visible = (!state.verdict || check.getAttribute('data-verdict') === state.verdict) &&
        (!state.group || check.getAttribute('data-group') === state.group) &&
        (!state.text || (check.getAttribute('data-search') || '').indexOf(state.text) !== -1);
      check.hidden = !visible;
      if (visible) { shown++; }
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector('article.check:not([hidden])'); });
    verdictButtons.forEach(function (button) {
      if (button.closest('.toolbar')) {
        button.setAttribute('aria-pressed', String(button.getAttribute('data-verdict-filter') === state.verdict));
      }
    });
    if (count) { count.textContent = shown === checks.length ? checks.length + ' checks' : shown + ' of ' + checks.length + ' checks'; }
    if (empty) { empty.hidden = shown !== 0 || checks.length === 0; }
  }

  function reset() {
    state = { verdict: '', group: '', text: '' };
    if (groupSelect) { groupSelect.value = ''; }
    if (search) { search.value = ''; }
    apply();
  }

  verdictButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      state.verdict = button.getAttribute('data-verdict-filter') || '';
      apply();
      if (!button.closest('.toolbar')) {
        var bar = doc.querySelector('.toolbar');
        if (bar) { bar.scrollIntoView({ block: 'start' }); }
      }
    });
  });
  if (groupSelect) {
    groupSelect.addEventListener('change', function () { state.group = groupSelect.value; apply(); });
  }
  if (search) {
    search.addEventListener('input', function () { state.text = search.value.trim().toLowerCase(); apply(); });
  }
  doc.addEventListener('keydown', function (event) {
    var tag = event.target && event.target.tagName;
    if (event.key === '/' && search && tag !== 'INPUT' && tag !== 'SELECT' && tag !== 'TEXTAREA') {
      event.preventDefault();
      search.focus();
    }
  });

  function reveal() {
    var id = location.hash.slice(1);
    if (!id) { return; }
    try { id = decodeURIComponent(id); } catch (e) { /* keep the raw fragment */ }
    var target = doc.getElementById(id);
    if (!target || !target.classList.contains('check')) { return; }
    if (target.hidden) { reset(); }
    var exchanges = target.querySelector('details.exchanges');
    if (exchanges) { exchanges.open = true; }
    target.classList.add('flash');
    window.setTimeout(function () { target.classList.remove('flash'); }, 2000);
    target.scrollIntoView({ block: 'start' });
  }

  window.addEventListener('hashchange', reveal);
  apply();
  reveal();
})();
""";

    /// <summary>The Content-Security-Policy source that lets exactly this script run, and no other (an injected one included).</summary>
    public static string ScriptHashSource { get; } =
        "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Js))) + "'";
}
