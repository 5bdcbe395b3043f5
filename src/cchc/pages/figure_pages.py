"""The figures dashboard (/tong-hop/so-lieu/): totals of every indicator by period, a page per period
with the units' table and a bar chart per indicator drawn at build time as SVG (no script; the numbers
are in the table too), and each unit's figures across periods on its own page."""

from __future__ import annotations

from markupsafe import Markup

from cchc import urls
from cchc.labels import label
from cchc.model import Figure, Portal
from cchc.pages import figure_tables, render
from cchc.pages.figure_tables import History, PeriodTable
from cchc.pages.markdown import GeneratedPage
from cchc.quantities import Quantity

BARS = 15  # a chart shows the highest; the table above it has every unit
ROW, BAR_TOP, BAR_HEIGHT, WIDTH, BAR_WIDTH = 44, 20, 14, 360, 250  # the chart's layout, in SVG units


def shown(quantity: Quantity | None) -> str:
    """A value as the dashboard writes it; '—' where there is none."""
    return quantity.label if quantity is not None else "—"


def value_label(figure: Figure | None) -> str:
    return shown(figure.value if figure is not None else None)


def chart(table: PeriodTable, column: int) -> Markup:
    """A horizontal bar chart of one indicator in one period: a row per unit, its name above its bar."""
    indicator = table.indicators[column]
    shown = table.bars(column)
    top = shown[:BARS]
    highest = max((f.value.high for _, f in top), default=0) or 1
    bars = [
        (
            unit.short_name,
            figure.value.label,
            index * ROW,
            max(1, round(float(figure.value.low / highest) * BAR_WIDTH)),
        )
        for index, (unit, figure) in enumerate(top)
    ]
    leader = label("chart.leader", unit=top[0][0].short_name, value=top[0][1].value.label) if top else ""
    more = label("chart.more", count=len(shown) - len(top)) if len(shown) > len(top) else ""
    return render.fill(
        "_bar_chart.html",
        id=f"bieu-do-{indicator.id}",
        bars=bars,
        height=ROW * len(bars),
        width=WIDTH,
        bar_top=BAR_TOP,
        bar_height=BAR_HEIGHT,
        title=label("chart.title", indicator=indicator.name, unit=indicator.unit, period=table.period.label),
        description=label("chart.description", count=len(shown), leader=leader, more=more),
    )


def period_page(table: PeriodTable) -> GeneratedPage:
    charts = [(indicator, chart(table, column)) for column, indicator in enumerate(table.indicators)]
    return render.page(
        "figures_period.md",
        urls.figures_period(table.period.label),
        label("title.figures_period", period=table.period.label),
        table=table,
        charts=charts,
        value=value_label,
        total=shown,
        overview=urls.FIGURES,
    )


def overview_page(tables: list[PeriodTable], portal: Portal) -> GeneratedPage:
    """Indicators × periods, each cell the period's total (or average) across units."""
    totals = {}
    for table in tables:
        for indicator, quantity in zip(table.indicators, table.totals):
            totals[(indicator.id, table.period)] = shown(quantity)
    indicators = figure_tables.in_catalogue(portal, {i.id for t in tables for i in t.indicators})
    return render.page(
        "figures_overview.md",
        urls.FIGURES,
        label("title.figures"),
        tables=tables,
        indicators=indicators,
        totals=totals,
        period_page=lambda t: urls.figures_period(t.period.label),
        downloads={kind: urls.open_data(f"{urls.FIGURES_DATA}.{kind}") for kind in ("csv", "json", "xlsx")},
        data_page=urls.OPEN_DATA_PAGE,
        consolidated=urls.CONSOLIDATED,
    )


def history_block(history: History | None, source: str) -> Markup:
    """A unit's figures across periods, for its page (empty when its reports give none)."""
    if history is None:
        return Markup("")
    return render.fill(
        "_figure_history.md",
        source=source,
        history=history,
        value=value_label,
        period_page=urls.figures_period,
    )


def figure_pages(portal: Portal, tables: list[PeriodTable]) -> list[GeneratedPage]:
    return [overview_page(tables, portal), *(period_page(t) for t in tables)]
