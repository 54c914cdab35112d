"""Small layout helpers for forms."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget


def align_form_labels(*forms: QFormLayout) -> None:
    """Give the label columns of stacked forms one width, so their fields line up."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                labels.append(widget)
    if not labels:
        return
    width = max(label.sizeHint().width() for label in labels)
    for label in labels:
        label.setMinimumWidth(width)
