"""A standalone HTML report: one file, no external assets, sortable, filterable, bilingual.

Every message is written in both languages; a button switches between them. Column
headings sort the findings table; a text box and a severity menu filter it. The
summaries by rule and by department come first. Works without JavaScript too (the
table is plain HTML; only sorting, filtering and switching need scripts).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from govcatalog.render._words import SEVERITY_LABEL, WORDS, rule_rows, where
from govcatalog.report import Lang, Report, Severity

if TYPE_CHECKING:
    from govcatalog.score import Assessment

CSS = """
body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;
  margin:1.5rem;color:#1d2330}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #d0d5dd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f4f7}th.sortable{cursor:pointer;user-select:none}
th.sortable::after{content:" \\2195";color:#98a2b3}
td.num{text-align:right}
#gc-findings td:nth-child(2),#gc-findings th{white-space:nowrap}
.sev-error{color:#b42318;font-weight:600}.sev-warning{color:#b54708;font-weight:600}.sev-info{color:#175cd3}
.ok{color:#067647;font-weight:600}.bad{color:#b42318;font-weight:600}
.hint{color:#475467;font-size:.85em}
.where{font-family:ui-monospace,monospace;font-size:.85em}
.note{background:#fffaeb;border:1px solid #fedf89;padding:.4rem .6rem}
.controls{display:flex;gap:.5rem;align-items:center;margin:.5rem 0}
body[data-lang=zh] .en,body[data-lang=en] .zh{display:none}
"""

SCRIPT = """
(function(){
  var body=document.body;
  document.getElementById('gc-lang').addEventListener('click',function(){
    body.setAttribute('data-lang', body.getAttribute('data-lang')==='zh'?'en':'zh');
  });
  var table=document.getElementById('gc-findings');
  if(!table){return;}
  var tbody=table.tBodies[0];
  var text=document.getElementById('gc-filter'), sev=document.getElementById('gc-severity');
  function filter(){
    var q=text.value.toLowerCase(), s=sev.value, shown=0;
    Array.prototype.forEach.call(tbody.rows,function(r){
      var ok=(!s||r.getAttribute('data-severity')===s)
        &&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
      r.style.display=ok?'':'none'; if(ok){shown++;}
    });
    document.getElementById('gc-shown').textContent=shown;
  }
  text.addEventListener('input',filter); sev.addEventListener('change',filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
    th.classList.add('sortable');
    th.addEventListener('click',function(){
      var asc=th.getAttribute('data-dir')!=='asc';
      th.setAttribute('data-dir',asc?'asc':'desc');
      var rows=Array.prototype.slice.call(tbody.rows);
      rows.sort(function(a,b){
        var x=a.cells[col].getAttribute('data-sort')||a.cells[col].textContent;
        var y=b.cells[col].getAttribute('data-sort')||b.cells[col].textContent;
        var nx=parseFloat(x), ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'zh');
        return asc?c:-c;
      });
      rows.forEach(function(r){tbody.appendChild(r);});
    });
  });
})();
"""


def both(key: str) -> str:
    """A label in both languages, each in its language's span."""
    return bilingual(WORDS[Lang.ZH][key], WORDS[Lang.EN][key])


def bilingual(zh: str, en: str) -> str:
    """Two texts, each in its language's span."""
    return f'<span class="zh">{escape(zh)}</span><span class="en">{escape(en)}</span>'


def _sev(s: Severity) -> str:
    return (
        f'<span class="sev-{s.value}">'
        + bilingual(SEVERITY_LABEL[Lang.ZH][s], SEVERITY_LABEL[Lang.EN][s])
        + "</span>"
    )


def summary_html(report: Report) -> str:
    """Verdict, counts and the summaries by rule and by department (an HTML fragment)."""
    counts = report.counts()
    st = report.stats
    ok = report.conforms
    parts = [
        f"<p><strong>{escape(report.pack or '-')}</strong>: "
        f'<span class="{"ok" if ok else "bad"}">{both("conforms" if ok else "fails")}</span> — '
        f"{st.files} {both('files')}, {st.resources} {both('resources')}, "
        f"{st.items} {both('items')}; "
        + ", ".join(f"{_sev(s)} {counts[s]}" for s in Severity)
        + "</p>"
    ]
    if report.truncated:
        parts.append(
            '<p class="note">'
            + bilingual(
                WORDS[Lang.ZH]["truncated"].format(n=len(report)),
                WORDS[Lang.EN]["truncated"].format(n=len(report)),
            )
            + "</p>"
        )
    if not report.findings:
        parts.append(f"<p>{both('none')}</p>")
        return "\n".join(parts)
    parts.append(f"<h2>{both('by_rule')}</h2>")
    parts.append(
        '<table class="gc-by-rule"><thead><tr>'
        + "".join(f"<th>{both(k)}</th>" for k in ("code", "severity", "count"))
        + "</tr></thead><tbody>"
    )
    parts += [
        f'<tr><td>{escape(code)}</td><td>{_sev(sev)}</td><td class="num">{n}</td></tr>'
        for code, sev, n in rule_rows(report)
    ]
    parts.append("</tbody></table>")
    parts.append(f"<h2>{both('by_provider')}</h2>")
    head = "".join(f"<th>{_sev(s)}</th>" for s in Severity)
    parts.append(
        '<table class="gc-by-provider"><thead>'
        f"<tr><th>{both('provider')}</th>{head}</tr></thead><tbody>"
    )
    for name, per in report.by_provider().items():
        label = escape(name) if name else both("unknown_provider")
        parts.append(
            f"<tr><td>{label}</td>"
            + "".join(f'<td class="num">{per[s]}</td>' for s in Severity)
            + "</tr>"
        )
    parts.append("</tbody></table>")
    return "\n".join(parts)


def findings_table(
    report: Report, *, max_rows: int | None = None, table_id: str = "gc-findings"
) -> str:
    """The findings as an HTML table (a fragment), both languages in every message."""
    rows = []
    shown = report.findings if max_rows is None else report.findings[:max_rows]
    for i, f in enumerate(shown):
        loc = f.location
        hint = ""
        if f.hint_zh or f.hint_en:
            hint = f'<div class="hint">{bilingual(f.hint_zh, f.hint_en)}</div>'
        rows.append(
            f'<tr data-severity="{f.severity.value}" data-code="{escape(f.code)}">'
            f'<td data-sort="{4 - f.severity.rank}">{_sev(f.severity)}</td>'
            f"<td>{escape(f.code)}</td>"
            f"<td>{bilingual(f.message_zh, f.message_en)}{hint}</td>"
            f'<td class="where" data-sort="{i:08d}">{escape(where(report, i))}'
            f"<br>{escape(loc.pointer or '')}</td>"
            f"<td>{escape(loc.resource or '')}</td>"
            f"<td>{escape(loc.provider or '')}</td>"
            "</tr>"
        )
    head = "".join(
        f"<th>{both(k)}</th>"
        for k in ("severity", "code", "message", "where", "resource", "provider")
    )
    more = ""
    if len(shown) < len(report.findings):
        more = f"<p>… {len(report.findings) - len(shown)} more</p>"
    return (
        f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
        + more
    )


def render_html(report: Report, lang: Lang = Lang.ZH, *, score: Assessment | None = None) -> str:
    """The report as one standalone HTML page.

    Args:
        report: The report.
        lang: The language shown first (the other is one click away).
        score: A quality assessment to show above the findings (optional).
    """
    title = WORDS[lang]["title"]
    score_part = ""
    if score is not None:
        from govcatalog.score.render import score_html  # noqa: PLC0415 - score imports render

        score_part = f"<h2>{both('score')}</h2>" + score_html(score)
    controls = ""
    if report.findings:
        other = Lang.EN if lang is Lang.ZH else Lang.ZH
        options = "".join(
            f'<option value="{s.value}">'
            f"{SEVERITY_LABEL[lang][s]} / {SEVERITY_LABEL[other][s]}</option>"
            for s in Severity
        )
        controls = (
            f'<h2>{both("findings")} (<span id="gc-shown">{len(report.findings)}</span>)</h2>'
            '<div class="controls">'
            f'<input id="gc-filter" type="search" placeholder="{escape(WORDS[lang]["filter"])}"'
            ' aria-label="filter">'
            '<select id="gc-severity" aria-label="severity">'
            f'<option value="">*</option>{options}</select>'
            "</div>" + findings_table(report)
        )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang is Lang.ZH else "en"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f'<body data-lang="{lang.value}">'
        f'<button id="gc-lang" type="button">{both("language")}</button>'
        f"<h1>{both('title')}</h1>"
        + summary_html(report)
        + score_part
        + controls
        + f"<script>{SCRIPT}</script></body></html>\n"
    )
