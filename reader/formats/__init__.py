"""Reading source files into the model: one module per input format (plain text, ALTO, METS, hOCR,
PAGE, ECPO, images), the safe XML parser, source-file limits, page images and format detection.
"""
