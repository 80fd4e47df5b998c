/// The console's stylesheet, served at `GET /console.css`. Plain CSS: custom properties for the palette, a mobile-first
/// layout, visible focus, AA contrast for text and controls, and no inline styles anywhere (the Content-Security-Policy
/// forbids them).
enum ConsoleStylesheet {
    static let css = """
    :root {
      --ink: #1c2530; --muted: #56606b; --line: #d8dde3; --paper: #ffffff; --wash: #f4f6f8;
      --brand: #0b5a63; --brand-dark: #083f45; --accent: #b4491b; --focus: #1f6feb;
      --ok: #1d6b3a; --ok-wash: #e5f4ea; --warn: #8a5a00; --warn-wash: #fdf3dc;
      --danger: #a3261b; --danger-wash: #fbe9e7; --info: #22518f; --info-wash: #e6eefa;
      --radius: 8px; --space: 1rem;
      font-family: "Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", system-ui, -apple-system, "Segoe UI", sans-serif;
      color: var(--ink); background: var(--wash); line-height: 1.55;
    }
    *, *::before, *::after { box-sizing: border-box; }
    body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; word-break: keep-all; overflow-wrap: anywhere; }
    a { color: var(--brand); text-underline-offset: 2px; }
    a:hover { color: var(--brand-dark); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
    h1, h2, h3 { line-height: 1.25; margin: 0 0 .75rem; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; } h3 { font-size: 1rem; margin-top: 1rem; }
    p { margin: 0 0 .75rem; }

    .visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    .skip-link { position: absolute; left: .5rem; top: -3rem; background: var(--paper); color: var(--ink); padding: .5rem 1rem;
      border-radius: var(--radius); z-index: 10; }
    .skip-link:focus { top: .5rem; }

    /* Header */
    .site-header { background: var(--brand); color: #fff; }
    .site-header-inner { max-width: 1200px; margin: 0 auto; padding: .6rem var(--space); display: flex; flex-wrap: wrap;
      align-items: center; gap: .5rem 1.5rem; }
    .brand { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.15rem; display: inline-flex; align-items: center; gap: .4rem; }
    .brand:hover { color: #fff; }
    .brand-mark { background: #fff; color: var(--brand); border-radius: 6px; padding: 0 .4rem; }
    .main-nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: .25rem; }
    .main-nav a { color: #fff; text-decoration: none; padding: .4rem .7rem; border-radius: 6px; display: inline-block; }
    .main-nav a:hover { background: rgba(255, 255, 255, .15); color: #fff; }
    .main-nav a[aria-current="page"] { background: rgba(255, 255, 255, .22); font-weight: 600; }
    .header-tools { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
    .site-header :focus-visible { outline-color: #fff; }
    .lang-switch { color: #fff; border: 1px solid rgba(255, 255, 255, .6); border-radius: 999px; padding: .15rem .7rem; text-decoration: none; }
    .lang-switch:hover { color: #fff; background: rgba(255, 255, 255, .15); }
    .current-user { font-size: .95rem; }
    .role-badge { background: rgba(255, 255, 255, .2); border-radius: 999px; padding: .05rem .55rem; font-size: .8rem; margin-left: .25rem; }
    .site-header .button-quiet { color: #fff; border-color: rgba(255, 255, 255, .6); background: transparent; }
    .site-header .button-quiet:hover { background: rgba(255, 255, 255, .15); }
    .inline-form { display: inline; margin: 0; }

    /* Page */
    .page { flex: 1; width: 100%; max-width: 1200px; margin: 0 auto; padding: 1.5rem var(--space) 3rem; }
    .page:focus { outline: none; }
    .site-footer { color: var(--muted); font-size: .85rem; text-align: center; padding: 1rem var(--space) 2rem; }
    .page-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .75rem; margin-bottom: 1rem; }
    .page-head h1 { margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
    .breadcrumb { margin-bottom: .5rem; font-size: .95rem; }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem; }
    .card-danger { border-color: #e3b4ae; }
    .stack { display: flex; flex-direction: column; gap: 1rem; }
    .stack > .button, .stack > .choice { align-self: flex-start; }
    .muted, .help { color: var(--muted); }
    .help { font-size: .875rem; margin: .25rem 0 0; }
    .notice { background: var(--info-wash); color: var(--info); border-radius: var(--radius); padding: .5rem .9rem; }
    .flash { background: var(--ok-wash); color: var(--ok); border: 1px solid #b7dcc3; border-radius: var(--radius);
      padding: .7rem 1rem; margin-bottom: 1rem; font-weight: 600; }
    .alert { border-radius: var(--radius); padding: .75rem 1rem; margin-bottom: 1rem; border: 1px solid; }
    .alert p:last-child { margin-bottom: 0; }
    .alert-error { background: var(--danger-wash); color: var(--danger); border-color: #e3b4ae; }

    /* Buttons */
    .button { display: inline-flex; align-items: center; justify-content: center; gap: .3rem; font: inherit; font-weight: 600;
      line-height: 1.2; padding: .55rem 1rem; border-radius: 6px; border: 1px solid var(--brand); background: var(--paper);
      color: var(--brand); text-decoration: none; cursor: pointer; min-height: 2.5rem; }
    .button:hover { background: #e8f1f2; color: var(--brand-dark); }
    .button-primary { background: var(--brand); color: #fff; }
    .button-primary:hover { background: var(--brand-dark); color: #fff; }
    .button-danger { border-color: var(--danger); color: var(--danger); background: var(--paper); }
    .button-danger:hover { background: var(--danger-wash); color: var(--danger); }
    .button-quiet { border-color: var(--line); color: var(--ink); }
    .button-small { padding: .3rem .7rem; min-height: 2rem; font-size: .9rem; }

    /* Forms */
    .field { display: flex; flex-direction: column; gap: .3rem; min-width: 0; border: 0; padding: 0; margin: 0; }
    fieldset.field > legend { font-weight: 600; padding: 0; margin-bottom: .3rem; }
    label, legend { font-weight: 600; }
    .required { color: var(--muted); font-weight: 400; font-size: .85rem; }
    input[type="text"], input[type="search"], input[type="tel"], input[type="email"], input[type="password"], select {
      font: inherit; color: var(--ink); background: var(--paper); border: 1px solid #8a949e; border-radius: 6px;
      padding: .5rem .65rem; min-height: 2.5rem; width: 100%; }
    input:focus-visible, select:focus-visible { border-color: var(--focus); }
    .field-invalid input, .field-invalid select, [aria-invalid="true"] { border-color: var(--danger); border-width: 2px; }
    .field-error { color: var(--danger); font-size: .9rem; font-weight: 600; margin: .2rem 0 0; }
    .field-error::before { content: "⚠ "; }
    .choice { display: inline-flex; align-items: center; gap: .45rem; font-weight: 400; cursor: pointer; padding: .2rem 0; }
    .choice input { width: 1.1rem; height: 1.1rem; margin: 0; accent-color: var(--brand); }
    .choice-row { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
    .choice-list { display: grid; gap: .2rem; margin: .5rem 0; }
    .grid { display: grid; gap: 1rem; grid-template-columns: 1fr; }
    .inline-fields { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem; margin-top: 1rem; }
    .inline-fields .field { flex: 1 1 16rem; }
    .form-actions { display: flex; flex-wrap: wrap; gap: .75rem; }
    .customer-form:has(#kind-person:checked) .org-only { display: none; }
    .org-only { display: flex; flex-direction: column; gap: .4rem; }
    .org-only .choice { align-self: flex-start; }
    .filters { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1rem; margin-bottom: 1rem; }
    .category-tree { margin-bottom: 1rem; padding: .9rem 1.25rem; }
    .category-tree h2 { font-size: 1rem; margin: 0 0 .6rem; display: flex; gap: 1rem; align-items: baseline; }
    .category-tree .category-all { font-size: .9rem; font-weight: 400; }
    .category-groups { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .6rem 1.5rem; }
    .category-top { font-weight: 600; }
    .category-children { list-style: none; margin: .2rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .15rem .8rem; font-size: .92rem; }
    .category-children .category-depth-3, .category-children .category-depth-4, .category-children .category-depth-5 { font-size: .86rem; }
    .category-tree a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 2px; }
    .category-tree .count { color: #555; font-size: .85rem; }
    .subtitle { font-size: 1rem; font-weight: 400; color: #444; }
    .filters .field-grow { flex: 1 1 18rem; }
    .filter-actions { display: flex; gap: .5rem; padding-top: 1.85rem; }

    /* Tables */
    .table-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); background: var(--paper); }
    .data-table { width: 100%; border-collapse: collapse; font-size: .95rem; overflow-wrap: normal; }
    .data-table th, .data-table td { text-align: left; padding: .6rem .75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    .data-table thead th { background: var(--wash); font-size: .85rem; color: var(--muted); font-weight: 600; white-space: nowrap; }
    .data-table tbody th { font-weight: 600; }
    .data-table tbody tr:last-child > * { border-bottom: 0; }
    .data-table tbody tr:hover { background: #f9fbfc; }
    .nowrap { white-space: nowrap; }
    .masked { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; letter-spacing: .02em; }
    .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 1rem; }
    .pager .button[rel="next"] { margin-left: auto; }

    /* Badges, tags and statuses */
    .badge { display: inline-block; border-radius: 999px; padding: .1rem .65rem; font-size: .82rem; font-weight: 600; white-space: nowrap; border: 1px solid; }
    .badge-prospect { background: var(--wash); color: #44505c; border-color: #c3cad2; }
    .badge-lead { background: var(--info-wash); color: var(--info); border-color: #b6cbec; }
    .badge-active { background: var(--ok-wash); color: var(--ok); border-color: #b7dcc3; }
    .badge-churned { background: var(--warn-wash); color: var(--warn); border-color: #ecd398; }
    .tag { display: inline-block; background: var(--wash); border: 1px solid var(--line); border-radius: 4px; padding: 0 .4rem; font-size: .85rem; margin: .1rem 0; }
    .status { font-weight: 600; }
    .status-granted { color: var(--ok); }
    .status-withdrawn { color: var(--danger); }
    .status-never { color: var(--muted); }

    /* Customer page */
    .facts { display: grid; grid-template-columns: 1fr; gap: .5rem 1.5rem; margin: 0; }
    .facts div { min-width: 0; }
    .facts dt { color: var(--muted); font-size: .85rem; }
    .facts dd { margin: 0; font-weight: 500; }
    .customer-layout { display: grid; gap: 1.25rem; grid-template-columns: 1fr; align-items: start; }
    .customer-main, .customer-actions { min-width: 0; }

    /* Duplicate review: two records side by side */
    .compare { display: grid; gap: 1.25rem; grid-template-columns: 1fr; margin-bottom: 1.25rem; }
    .compare .facts { grid-template-columns: 1fr; }
    .numeric { text-align: right; font-variant-numeric: tabular-nums; }
    .weight-for td.numeric { color: var(--success, #1a7f37); }
    .weight-against td.numeric { color: var(--danger); }
    tr.muted { color: var(--muted); }
    fieldset { border: 0; padding: 0; margin: 0 0 .75rem; display: grid; gap: .4rem; }
    legend { font-weight: 600; margin-bottom: .4rem; }

    /* Login and error pages */
    .login-card, .error-card { max-width: 28rem; margin: 2rem auto; }
    .status-code { font-size: 2.5rem; font-weight: 700; color: var(--muted); margin: 0; }
    .error-details { color: var(--danger); }
    .empty-state { text-align: center; padding: 2.5rem 1rem; }

    @media (max-width: 639px) {
      .card { padding: 1rem; }
      .page { padding-top: 1rem; }
      .data-table th, .data-table td { padding: .5rem .6rem; }
    }
    @media (min-width: 640px) {
      .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .compare { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .facts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    }
    @media (min-width: 1000px) {
      .customer-layout { grid-template-columns: minmax(0, 1fr) 20rem; }
      .customer-actions .grid { grid-template-columns: 1fr; }
      .facts { grid-template-columns: repeat(3, minmax(0, 1fr)); }
    }

    /* 360° work: spend chart, VOC cases and board */
    .chart-figure { margin: .5rem 0 1rem; }
    .chart-figure figcaption { font-size: .85rem; color: var(--muted); }
    .chart { width: 100%; height: auto; max-height: 220px; display: block; }
    .chart-bar { fill: var(--brand); }
    g:hover > .chart-bar { fill: var(--brand-dark); }
    .chart-axis { stroke: var(--line); stroke-width: 1; }
    .chart-label, .chart-note { font-size: 11px; fill: var(--muted); }
    .case-list { list-style: none; padding: 0; margin: 0 0 1rem; }
    .case-item { padding: .4rem .6rem; border-left: 4px solid var(--line); margin-bottom: .35rem; background: var(--paper); }
    .case-overdue { border-left-color: var(--danger); background: var(--danger-wash); }
    .overdue-flag { color: var(--danger); }
    .status-received, .status-reopened { color: var(--info); }
    .status-assigned, .status-in_progress { color: var(--warn); }
    .status-resolved, .status-closed { color: var(--ok); }
    .severity-critical, .severity-high { color: var(--danger); font-weight: 600; }
    .board { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: var(--space); align-items: start; }
    .board-column { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem; }
    .board-column h2 { font-size: 1rem; display: flex; justify-content: space-between; }
    .board-column .count { background: var(--wash); border-radius: 999px; padding: 0 .5rem; font-size: .85rem; }
    .board-cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
    .board-card { border: 1px solid var(--line); border-left: 4px solid var(--brand); border-radius: 6px; padding: .5rem .6rem; font-size: .9rem; }
    .board-card.case-overdue { border-left-color: var(--danger); }
    .board-card p { margin: .15rem 0; }
    .card-title { font-weight: 600; }
    .case-description { white-space: pre-wrap; }
    textarea { width: 100%; font: inherit; padding: .45rem .6rem; border: 1px solid #8a949e; border-radius: 6px; resize: vertical; }
    textarea[aria-invalid="true"] { border-color: var(--danger); }
    /* Imports */
    progress { width: 100%; height: 1.1rem; accent-color: var(--brand); }
    .status-import-running { color: var(--info); }
    .status-import-done { color: var(--ok); }
    .status-import-failed { color: var(--danger); }
    input[type=file] { font: inherit; }
    /* Analytics */
    .analytics-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: var(--space); margin-top: var(--space); }
    .chart-square { max-height: 340px; max-width: 340px; }
    .chart-frame { fill: none; stroke: var(--line); }
    .chart-diagonal { fill: none; stroke: var(--muted); stroke-dasharray: 4 4; }
    .chart-line { fill: none; stroke: var(--brand); stroke-width: 2.5; }
    .chart-line-2 { stroke: var(--accent); }
    .chart-mark { fill: var(--accent); }
    .legend.chart-line { color: var(--brand); } .legend.chart-line-2 { color: var(--accent); }
    .bar-row:hover .chart-bar, .bar-row:focus .chart-bar { fill: var(--brand-dark); }
    .value-matrix { display: grid; grid-template-columns: auto 1fr 1fr; grid-template-rows: 1fr 1fr auto; gap: .5rem; }
    .value-matrix .axis-y { grid-row: 1 / 3; writing-mode: vertical-rl; transform: rotate(180deg); color: var(--muted); text-align: center; }
    .value-matrix .axis-x { grid-column: 2 / 4; color: var(--muted); text-align: center; }
    .matrix-cell { display: flex; flex-direction: column; gap: .2rem; padding: .8rem; border-radius: var(--radius); text-decoration: none; color: var(--ink); border: 1px solid var(--line); }
    .matrix-count { font-size: 1.5rem; font-weight: 700; }
    .matrix-best { background: var(--ok-wash); } .matrix-growable { background: var(--info-wash); }
    .matrix-maintain { background: var(--warn-wash); } .matrix-low { background: var(--danger-wash); }
    .chart-up { fill: var(--ok); } .chart-down { fill: var(--danger); } .chart-total { fill: var(--brand); }
    .amount-up { color: var(--ok); } .amount-down { color: var(--danger); }
    .chart-wide { max-height: 260px; }
    @media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
    @media print { .site-header, .customer-actions, .filters, .pager { display: none; } body { background: #fff; } }
    """
}
