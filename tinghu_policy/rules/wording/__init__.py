"""The words of the rules: one module per rule module, each function the text of one note or label.

A rule computes its verdict and names its note as data — ``(say.returned_before_window, returned, due)`` — and
the function here turns the data into the Chinese and the English text when a reader reads the finding
(:mod:`tinghu_policy.engine.notes`). The rule modules keep the law; these keep the wording. Codes are shown by
their names from :mod:`tinghu_policy.names` (every vocabulary enum's ``name_zh``/``name_en``).
"""
