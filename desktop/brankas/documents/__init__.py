"""Documents (BAST, recovery sheet, reports) rendered through QtGui; never QtWidgets."""
