"""The on-screen chart of a statistics table, drawn with QPainter in a small widget of our own
(QtCharts comes only with PySide6-Addons, much larger than the whole of what the program
ships; ``docs/design.md``, "Charts"): bars, stacked bars, or lines over time, labelled in the
application's font (the bundled one, so Chinese labels render), the same palette as paper."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

#: The paper chart's palette (printing/charts.py), darkest first.
PALETTE: Final = (
    "#2f4b7c",
    "#a05195",
    "#f95d6a",
    "#ffa600",
    "#665191",
    "#d45087",
    "#ff7c43",
    "#003f5c",
    "#7a9e7e",
    "#9e9e9e",
)
BAR, STACKED, LINE = "bar", "stacked", "line"
MARGIN: Final = 12


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[int, ...]


def nice_max(value: int) -> int:
    top = 1
    while True:
        for step in (top, 2 * top, 5 * top // 2, 5 * top):
            if step >= value and (step % 5 == 0 or step < 5):
                return max(1, step)
        top *= 10


class ChartView(QWidget):
    """Categories along the bottom, the counts up the side, a legend when there are several
    series. ``show_chart`` replaces what is drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = BAR
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:
        return QSize(640, 320)

    def show_chart(
        self, kind: str, categories: tuple[str, ...], series: tuple[Series, ...]
    ) -> None:
        self.kind, self.categories, self.series = kind, categories, series
        self.update()

    def _peak(self) -> int:
        if not self.series or not self.categories:
            return 0
        if self.kind == STACKED:
            return max(sum(s.values[i] for s in self.series) for i in range(len(self.categories)))
        return max(max(s.values, default=0) for s in self.series)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.categories:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        top_value = nice_max(self._peak())
        legend_width = 0
        if len(self.series) > 1 or self.kind == STACKED:  # a cross-tab names its series
            legend_width = min(
                200, max(metrics.horizontalAdvance(s.name) for s in self.series) + 30
            )
        label_width = max(metrics.horizontalAdvance(c) for c in self.categories)
        left = MARGIN + metrics.horizontalAdvance(str(top_value)) + 6
        right = self.width() - MARGIN - legend_width
        band = (right - left) / len(self.categories)
        slanted = label_width + 6 > band
        bottom_room = metrics.height() + 8
        if slanted:
            bottom_room = int(min(label_width, 140) * 0.72) + metrics.height()
        plot = QRectF(left, MARGIN, right - left, self.height() - MARGIN - bottom_room)
        self._axes(painter, plot, top_value, metrics)
        if self.kind == LINE:
            self._lines(painter, plot, band, top_value)
        else:
            self._bars(painter, plot, band, top_value)
        self._labels(painter, plot, band, slanted, metrics)
        if legend_width:
            self._legend(painter, right + 10, metrics)
        painter.end()

    def _axes(self, p: QPainter, plot: QRectF, top: int, metrics: QFontMetrics) -> None:
        p.setPen(QPen(QColor("#d0d0d0"), 1))
        steps = 5
        for i in range(steps + 1):
            y = plot.bottom() - plot.height() * i / steps
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            text = str(top * i // steps)
            p.setPen(QColor("#444444"))
            p.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            p.setPen(QPen(QColor("#d0d0d0"), 1))
        p.setPen(QPen(QColor("#444444"), 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())

    def _bars(self, p: QPainter, plot: QRectF, band: float, top: int) -> None:
        count = len(self.series)
        for i in range(len(self.categories)):
            x = plot.left() + band * i + band * 0.15
            width = band * 0.7
            base = plot.bottom()
            for k, one in enumerate(self.series):
                h = plot.height() * one.values[i] / top
                color = QColor(PALETTE[k % len(PALETTE)])
                if self.kind == STACKED:
                    rect = QRectF(x, base - h, width, h)
                    base -= h
                else:
                    rect = QRectF(x + width * k / count, plot.bottom() - h, width / count, h)
                p.fillRect(rect, color)

    def _lines(self, p: QPainter, plot: QRectF, band: float, top: int) -> None:
        for k, one in enumerate(self.series):
            color = QColor(PALETTE[k % len(PALETTE)])
            p.setPen(QPen(color, 2))
            points = [
                QPointF(plot.left() + band * (i + 0.5), plot.bottom() - plot.height() * v / top)
                for i, v in enumerate(one.values)
            ]
            for a, b in itertools.pairwise(points):
                p.drawLine(a, b)
            p.setBrush(color)
            for point in points:
                p.drawEllipse(point, 2.5, 2.5)

    def _labels(
        self, p: QPainter, plot: QRectF, band: float, slanted: bool, metrics: QFontMetrics
    ) -> None:
        p.setPen(QColor("#222222"))
        for i, text in enumerate(self.categories):
            x = plot.left() + band * (i + 0.5)
            y = plot.bottom() + 4
            if slanted:
                p.save()
                p.translate(x, y + metrics.ascent())
                p.rotate(-40)
                p.drawText(
                    QPointF(-metrics.horizontalAdvance(text), 0),
                    metrics.elidedText(text, Qt.TextElideMode.ElideRight, 140),
                )
                p.restore()
            else:
                p.drawText(
                    QRectF(x - band / 2, y, band, metrics.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    text,
                )

    def _legend(self, p: QPainter, x: float, metrics: QFontMetrics) -> None:
        y = float(MARGIN)
        for k, one in enumerate(self.series):
            p.fillRect(QRectF(x, y + 3, 12, 12), QColor(PALETTE[k % len(PALETTE)]))
            p.setPen(QColor("#222222"))
            p.drawText(QPointF(x + 18, y + metrics.ascent()), one.name)
            y += metrics.height() + 4
