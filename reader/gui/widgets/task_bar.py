"""The running task in the status bar: what it is, a progress bar, its rate and time left, a cancel button."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from reader.gui.icons import icon
from reader.gui.workers import Progress, Worker


class TaskBar(QWidget):
    """Progress of the running task in the status bar: bar, rate, cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskBar")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("taskProgress")
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.rate = QLabel(self)
        self.cancel = QToolButton(self)
        self.cancel.setObjectName("taskCancel")
        self.cancel.setIcon(icon("process-stop"))
        self.cancel.setAccessibleName(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Cancel the running task"))
        # a rule and a gap keep the status bar's messages (a problem met during the import) apart from the label
        self.rule = QFrame(self)
        self.rule.setFrameShape(QFrame.Shape.VLine)
        self.rule.setFrameShadow(QFrame.Shadow.Sunken)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 0, 0, 0)
        lay.setSpacing(8)
        for w in (self.rule, self.label, self.bar, self.rate, self.cancel):
            lay.addWidget(w)
        self.worker: Worker | None = None
        self.unit = ""
        self.cancel.clicked.connect(self._cancel)
        self.hide()

    def start(self, worker: Worker, title: str, unit: str) -> None:
        self.worker = worker
        self.unit = unit
        self.label.setText(title)
        self.bar.setRange(0, 0)
        self.rate.clear()
        self.cancel.setEnabled(True)
        self.show()

    def progress(self, p: Progress) -> None:
        if p.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * (p.fraction or 0.0)))
            self.bar.setFormat(f"{p.done:g} / {p.total:g}")
        if self.worker is not None and p.done:
            rate = self.worker.rate(p.done)
            left = ""
            if p.total and rate > 0:
                left = " · " + self.tr("%1 s left").replace("%1", f"{max(0.0, (p.total - p.done) / rate):.0f}")
            self.rate.setText(f"{rate:.1f} {self.unit}/s{left}")
        if p.message:
            self.label.setToolTip(p.message)

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def done(self) -> None:
        self.worker = None
        self.hide()
