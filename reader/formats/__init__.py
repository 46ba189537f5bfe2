"""Reading source files into the model: one module per input format (plain text, ALTO, METS, hOCR,
PAGE, ECPO, images), the safe XML parser, source-file limits, page images and format detection.

A reader gives the articles its source maps (a METS logical structMap, ECPO's article divs) and
no others: pages without an article map are cut into articles above, in
:mod:`reader.segmentation.analyze` (by geometry for the laid-out formats, by text otherwise).
"""
