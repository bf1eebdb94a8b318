"""The fit matrix as an HTML table, the first thing the fit page shows (charts.svg says why it is not Plotly):
rows are the customer's priorities with their share of the weight, columns our capabilities, each cell the
score 0–3 on the pale-to-blue scale of the fit stage. Unscored cells stay blank (nobody has judged them yet,
which is not 0). Hovering a cell shows the pair, its score in words and its note. Long names wrap; a matrix
wider than the page scrolls sideways inside its box."""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.charts.svg import cut, esc, soft_hyphens, tip
from skam_core.charts.theme import STAGE_COLORS, translator
from skam_core.i18n.formats import pct

# 0 no match .. 3 strong match; the text on the two darker blues is white.
CELL_COLORS = ["#EEF2F7", "#BFD0E8", "#7FA2D3", STAGE_COLORS["fit"]]


def fit_grid_html(
    matrix: pd.DataFrame,
    notes: pd.DataFrame | None,
    priority_labels: dict[str, str],
    priority_shares: dict[str, float],
    capability_labels: dict[str, str],
    lang: str,
) -> str:
    t = translator(lang)
    z = matrix.to_numpy(dtype="float64")
    head = "".join(f'<th scope="col">{esc(soft_hyphens(cut(capability_labels[c], 60)))}</th>' for c in matrix.columns)
    rows = []
    for i, p in enumerate(matrix.index):
        share = pct(priority_shares.get(p), lang, decimals=0)
        cells = []
        for j, c in enumerate(matrix.columns):
            v = z[i, j]
            note = notes.iloc[i, j] if notes is not None else None
            score = t("fit.chart.unscored") if np.isnan(v) else t(f"fit.cell.{int(v)}")  # "2 deutlich"
            lines = [priority_labels[p], f"× {capability_labels[c]}", f"{t('fit.chart.score')}: {score}"]
            if isinstance(note, str) and note:
                lines.append(note)
            title = tip(lines)
            if np.isnan(v):
                cells.append(f'<td class="skam-fit-none" title="{title}"></td>')
            else:
                k = int(v)
                cells.append(f'<td class="skam-fit-{k}" style="background:{CELL_COLORS[k]}" title="{title}">{k}</td>')
        rows.append(
            f'<tr><th scope="row">{esc(soft_hyphens(cut(priority_labels[p], 90)))}'
            f' <span class="skam-fit-share">({esc(share)})</span></th>{"".join(cells)}</tr>'
        )
    keys = "".join(
        f'<span class="skam-key"><span class="skam-key-dot" style="background:{CELL_COLORS[k]}"></span>'
        f"{esc(t(f'fit.cell.{k}'))}</span>"
        for k in range(4)
    )
    return (
        f'<div class="skam-fit-grid" role="figure" aria-label="{esc(t("fit.chart.matrix_title"))}">'
        f'<p class="skam-chart-title">{esc(t("fit.chart.matrix_title"))}</p>'
        f'<p class="skam-keys">{esc(t("fit.chart.colorbar"))}: {keys}</p>'
        '<div class="skam-fit-scroll"><table>'
        f'<thead><tr><th scope="col" class="skam-fit-corner">{esc(t("fit.chart.matrix_y"))} ·'
        f" {esc(t('fit.chart.matrix_x'))}</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></div>"
    )
