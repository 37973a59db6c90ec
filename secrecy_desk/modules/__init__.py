"""The domains (模块), one package each, in one shape: ``<domain>/__init__.py`` holds the
domain's :class:`~secrecy_desk.modules.base.Module` descriptor (and nothing heavy), the rest of
the package its engine, rules and paper. :mod:`.registry` lists them all; see the checklist for
a new domain in ``docs/design.md``.
"""
