/** The report.html stylesheet, inlined (the file must be self-contained). */
export const HTML_STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; --bg2: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; padding: 24px 32px 64px; max-width: 1200px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 6px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
.muted, .meta { color: var(--muted); }
.meta { font-size: 13px; }
table { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg2); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rule { font-size: 12px; color: var(--muted); margin: 2px 0 10px; max-width: 900px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: white; white-space: nowrap; }
.s-verified { background: var(--ok); } .s-violated { background: var(--bad); } .s-error { background: #8250df; }
.s-inconclusive { background: var(--warn); } .s-skipped { background: #6e7781; } .s-reported { background: #0969da; }
.chips span { margin-right: 6px; }
section.claim { border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin: 22px 0; }
section.claim.st-violated, section.claim.st-error { border-left: 5px solid var(--bad); }
section.claim.st-verified { border-left: 5px solid var(--ok); }
section.claim.st-inconclusive { border-left: 5px solid var(--warn); }
.verdict { background: var(--bg2); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
pre { background: var(--bg2); padding: 8px 10px; border-radius: 6px; overflow-x: auto; font-size: 12px; margin: 4px 0 10px; white-space: pre-wrap; word-break: break-all; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.math { font-family: "Cambria Math", "STIX Two Math", "Latin Modern Math", "DejaVu Serif", Georgia, serif; font-size: 15px; white-space: nowrap; }
.math .rm, .math .sf { font-style: normal; } .math .sf { font-family: Helvetica, Arial, sans-serif; }
.math sub, .math sup { font-size: 75%; }
.frac { display: inline-flex; flex-direction: column; vertical-align: middle; text-align: center; font-size: 88%; margin: 0 2px; }
.frac > span:first-child { border-bottom: 1px solid currentColor; padding: 0 2px; }
.radicand { border-top: 1px solid currentColor; padding-left: 1px; }
.over { text-decoration: overline; }
.bars { display: grid; grid-template-columns: max-content 220px max-content; gap: 2px 8px; align-items: center; font-size: 12px; margin: 2px 0 10px; }
.bar { background: var(--bg2); height: 10px; border-radius: 2px; } .bar > span { display: block; height: 100%; background: #54aeff; border-radius: 2px; }
.coverage-grid { display: flex; flex-wrap: wrap; gap: 4px 28px; }
.coverage-grid h4 { margin: 6px 0 2px; font-size: 13px; }
figure.plot { margin: 12px 0; } figure.plot svg { max-width: 100%; height: auto; }
figure.plot figcaption { font-size: 12px; color: var(--muted); }
.no-plot { color: var(--muted); font-style: italic; }
.pct-bar { display: inline-block; width: 80px; height: 8px; background: var(--bg2); margin-right: 6px; vertical-align: middle; }
.pct-bar > span { display: block; height: 100%; background: var(--ok); }
nav.toc { font-size: 13px; }
`;
