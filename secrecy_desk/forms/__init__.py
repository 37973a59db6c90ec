"""Form definitions (TOML under ``forms/``) loaded into typed specs, and entry validation.

Typical use::

    forms = load_all()
    result = validate_entry(forms["gifts"], {"kind": "现金", "value": "¥800"}, today=today)
"""

from secrecy_desk.forms.entry import (
    CheckMemo,
    EntryInvalid,
    EntryMarking,
    ValidationResult,
    default_input,
    entry_marking,
    initial_inputs,
    validate_entry,
)
from secrecy_desk.forms.loader import FORMS_ROOT, FormDefinitionError, load_all, load_form
from secrecy_desk.forms.spec import (
    DEFAULT_GROUP,
    Clause,
    DeciderKind,
    FieldSpec,
    FieldValueError,
    Forms,
    FormSpec,
    ListSpec,
    Numbering,
    Orientation,
    PrintSpec,
    QuickFilter,
    Section,
    SignatureBlock,
    SignatureLine,
    SortKey,
    StatusSpec,
    StepSpec,
)
from secrecy_desk.forms.types import (
    Choice,
    FieldType,
    FormKind,
    LevelOption,
    Stored,
    Value,
)

__all__ = [
    "DEFAULT_GROUP",
    "FORMS_ROOT",
    "CheckMemo",
    "Choice",
    "Clause",
    "DeciderKind",
    "EntryInvalid",
    "EntryMarking",
    "FieldSpec",
    "FieldType",
    "FieldValueError",
    "FormDefinitionError",
    "FormKind",
    "FormSpec",
    "Forms",
    "LevelOption",
    "ListSpec",
    "Numbering",
    "Orientation",
    "PrintSpec",
    "QuickFilter",
    "Section",
    "SignatureBlock",
    "SignatureLine",
    "SortKey",
    "StatusSpec",
    "StepSpec",
    "Stored",
    "ValidationResult",
    "Value",
    "default_input",
    "entry_marking",
    "initial_inputs",
    "load_all",
    "load_form",
    "validate_entry",
]
