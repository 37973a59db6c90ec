"""What the tests share (测试支持): one vault builder (:mod:`.vault`), test data and bulk loads
(:mod:`.data`), the approvers' accounts (:mod:`.approvals`). Fixtures are in
``tests/conftest.py`` and ``tests/gui/conftest.py``; builders that benchmarks and scripts use
outside pytest live here."""
