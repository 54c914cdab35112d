"""Coverage-guided fuzz targets (atheris/libFuzzer), one module per parser; run by ./fuzz.sh."""
