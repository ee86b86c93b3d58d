"""``hyte translate``: the plan's texts out to translators and their translations back in.

:mod:`.texts` finds every translatable text of the plan; :mod:`.po`, :mod:`.xliff` and
:mod:`.workbook` write and read the exchange files (gettext PO, XLIFF 2.0, an Excel workbook);
:mod:`.exporting` and :mod:`.importing` are the two commands' logic; the surgical YAML edit
that turns ``title: X`` into ``title: {fi: X, sv: Y}`` is :mod:`hytecli.editing_texts`.
"""
