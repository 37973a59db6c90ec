"""Charts on paper with reportlab's own chart package (``reportlab.graphics``): a bar chart,
a stacked bar chart or a line chart of counts, drawn in the bundled font so Chinese labels
print, in grey tones and hatching-free solid fills that stay readable on a black-and-white
office printer."""

from __future__ import annotations

from typing import Final

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from secrecy_desk.printing.fonts import REGULAR
from secrecy_desk.printing.model import Chart, ChartKind

#: Series fills, darkest first: distinguishable in greyscale, sober in colour.
PALETTE: Final = (
    colors.HexColor("#2f4b7c"),
    colors.HexColor("#a05195"),
    colors.HexColor("#f95d6a"),
    colors.HexColor("#ffa600"),
    colors.HexColor("#665191"),
    colors.HexColor("#d45087"),
    colors.HexColor("#ff7c43"),
    colors.HexColor("#003f5c"),
    colors.HexColor("#7a9e7e"),
    colors.HexColor("#9e9e9e"),
)
LABEL_SIZE: Final = 8


def _nice_max(value: int) -> int:
    """A round top for the value axis (1, 2, 5 × 10ⁿ) at or above ``value``."""
    top = 1
    while True:
        for step in (top, 2 * top, 5 * top // 2, 5 * top):
            if step >= value and (step % 5 == 0 or step < 5):
                return max(1, step)
        top *= 10


def draw_chart(canv: Canvas, chart: Chart, x: float, y: float, width: float, height: float) -> None:
    """Draw ``chart`` with its lower-left corner at (``x``, ``y``)."""
    drawing = Drawing(width, height)
    # A cross-tab names its series even when only one value of the second dimension occurs.
    named = len(chart.series) > 1 or chart.kind is ChartKind.STACKED
    legend_width = 120.0 if named else 0.0
    plot = HorizontalLineChart() if chart.kind is ChartKind.LINE else VerticalBarChart()
    plot.x, plot.y = 40, 36
    plot.width = width - 60 - legend_width
    plot.height = height - 50
    plot.data = [list(s.values) for s in chart.series] or [[0] * len(chart.categories)]
    plot.categoryAxis.categoryNames = list(chart.categories)
    plot.categoryAxis.labels.fontName = REGULAR
    plot.categoryAxis.labels.fontSize = LABEL_SIZE
    if len(chart.categories) > 8:
        plot.categoryAxis.labels.angle = 45
        plot.categoryAxis.labels.boxAnchor = "ne"
        plot.categoryAxis.labels.dx = 4
    plot.valueAxis.labels.fontName = REGULAR
    plot.valueAxis.labels.fontSize = LABEL_SIZE
    plot.valueAxis.valueMin = 0
    stacked = chart.kind is ChartKind.STACKED
    if stacked:
        peak = max((sum(v) for v in zip(*plot.data, strict=True)), default=0)
        plot.categoryAxis.style = "stacked"
    else:
        peak = max((max(v, default=0) for v in plot.data), default=0)
    plot.valueAxis.valueMax = _nice_max(peak)
    plot.valueAxis.valueStep = max(1, plot.valueAxis.valueMax // 5)
    for index in range(len(plot.data)):
        color = PALETTE[index % len(PALETTE)]
        if chart.kind is ChartKind.LINE:
            plot.lines[index].strokeColor = color
            plot.lines[index].strokeWidth = 1.5
        else:
            plot.bars[index].fillColor = color
            plot.bars[index].strokeColor = colors.white
            plot.bars[index].strokeWidth = 0.3
    drawing.add(plot)
    if legend_width:
        legend = Legend()
        legend.x = width - legend_width + 10
        legend.y = height - 10
        legend.fontName = REGULAR
        legend.fontSize = LABEL_SIZE
        legend.alignment = "right"
        legend.columnMaximum = 14
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], s.name[:16]) for i, s in enumerate(chart.series)
        ]
        drawing.add(legend)
    renderPDF.draw(drawing, canv, x, y)
