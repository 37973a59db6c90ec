"""The registers' indexes, frozen: each list column's and each deadline's partial index
on ``entries`` (``modules.registers.planning.list_indexes``, ``.deadlines.indexes``), as the
built-in definitions want them; and each register's fields in the statistics table
``entry_dims`` (``modules.reports.indexes.counted``, :mod:`secrecy_desk.vault.entry_dims`) with
those that are dates, held by month in its combination counts (``.monthly``). Schema step 11
creates the indexes (step 17 dropped the statistics indexes steps 11–16 had made) and steps 14
and 15 the tables' triggers, so the register engine's start does no DDL (``docs/design.md``,
"Registers"). Written by ``scripts/register_indexes.py``; ``tests/test_register_indexes.py``
fails while it and the definitions differ.
"""

from __future__ import annotations

from typing import Final

#: name → CREATE INDEX statement.
INDEXES: Final[dict[str, str]] = {
    "dl_archive_access_1d975a982be0": (
        "CREATE INDEX dl_archive_access_1d975a982be0 ON entries (CASE WHEN "
        "(json_extract(data, '$.returned_on') IS NULL) THEN (json_extract(data, "
        "'$.due_on')) END, level, register, voided) WHERE register = 'archive_access'"
        " AND voided = 0 AND CASE WHEN (json_extract(data, '$.returned_on') IS NULL) "
        "THEN (json_extract(data, '$.due_on')) END IS NOT NULL"
    ),
    "dl_archive_access_ff199bba9e42": (
        "CREATE INDEX dl_archive_access_ff199bba9e42 ON entries (CASE WHEN (level >= "
        "2 AND (term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE"
        " 'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END, level, register, voided) "
        "WHERE register = 'archive_access' AND voided = 0 AND CASE WHEN (level >= 2 "
        "AND (term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END IS NOT NULL"
    ),
    "dl_carriers_7779eb0fdebf": (
        "CREATE INDEX dl_carriers_7779eb0fdebf ON entries (CASE WHEN "
        "(json_extract(data, '$.due_on') IS NOT NULL) THEN (json_extract(data, "
        "'$.due_on')) END, level, register, voided) WHERE register = 'carriers' AND "
        "voided = 0 AND CASE WHEN (json_extract(data, '$.due_on') IS NOT NULL) THEN "
        "(json_extract(data, '$.due_on')) END IS NOT NULL"
    ),
    "dl_carriers_ff199bba9e42": (
        "CREATE INDEX dl_carriers_ff199bba9e42 ON entries (CASE WHEN (level >= 2 AND "
        "(term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END, level, register, voided) "
        "WHERE register = 'carriers' AND voided = 0 AND CASE WHEN (level >= 2 AND "
        "(term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END IS NOT NULL"
    ),
    "dl_comms_f4a13fde112d": (
        "CREATE INDEX dl_comms_f4a13fde112d ON entries (CASE WHEN (json_extract(data,"
        " '$.means') = 'cipher_telegram' AND json_extract(data, '$.filed_on') IS NULL"
        " AND json_extract(data, '$.disposal') IS NULL) THEN (date(json_extract(data,"
        " '$.occurred_on'), '+30 days')) END, level, register, voided) WHERE register"
        " = 'comms' AND voided = 0 AND CASE WHEN (json_extract(data, '$.means') = "
        "'cipher_telegram' AND json_extract(data, '$.filed_on') IS NULL AND "
        "json_extract(data, '$.disposal') IS NULL) THEN (date(json_extract(data, "
        "'$.occurred_on'), '+30 days')) END IS NOT NULL"
    ),
    "dl_comms_ff199bba9e42": (
        "CREATE INDEX dl_comms_ff199bba9e42 ON entries (CASE WHEN (level >= 2 AND "
        "(term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END, level, register, voided) "
        "WHERE register = 'comms' AND voided = 0 AND CASE WHEN (level >= 2 AND (term "
        "LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE 'date:%' "
        "THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END IS NOT NULL"
    ),
    "dl_document_prints_db531e2f7335": (
        "CREATE INDEX dl_document_prints_db531e2f7335 ON entries (CASE WHEN "
        "(coalesce(json_extract(data, '$.waste_destroyed'), 0) = 0) THEN "
        "(substr(created_at, 1, 10)) END, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0 AND CASE WHEN (coalesce(json_extract(data, "
        "'$.waste_destroyed'), 0) = 0) THEN (substr(created_at, 1, 10)) END IS NOT "
        "NULL"
    ),
    "dl_document_prints_ff199bba9e42": (
        "CREATE INDEX dl_document_prints_ff199bba9e42 ON entries (CASE WHEN (level >="
        " 2 AND (term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term "
        "LIKE 'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' "
        "AND strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7)"
        " || ' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END, level, register, voided) "
        "WHERE register = 'document_prints' AND voided = 0 AND CASE WHEN (level >= 2 "
        "AND (term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END IS NOT NULL"
    ),
    "dl_drawings_15bc837590fc": (
        "CREATE INDEX dl_drawings_15bc837590fc ON entries (CASE WHEN "
        "((json_extract(data, '$.must_recall') = 1 OR level = 4) AND "
        "coalesce(json_extract(data, '$.recalled'), 0) = 0 AND "
        "coalesce(json_extract(data, '$.lost'), 0) = 0) THEN (json_extract(data, "
        "'$.due_on')) END, level, register, voided) WHERE register = 'drawings' AND "
        "voided = 0 AND CASE WHEN ((json_extract(data, '$.must_recall') = 1 OR level "
        "= 4) AND coalesce(json_extract(data, '$.recalled'), 0) = 0 AND "
        "coalesce(json_extract(data, '$.lost'), 0) = 0) THEN (json_extract(data, "
        "'$.due_on')) END IS NOT NULL"
    ),
    "dl_drawings_ff199bba9e42": (
        "CREATE INDEX dl_drawings_ff199bba9e42 ON entries (CASE WHEN (level >= 2 AND "
        "(term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END, level, register, voided) "
        "WHERE register = 'drawings' AND voided = 0 AND CASE WHEN (level >= 2 AND "
        "(term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END IS NOT NULL"
    ),
    "dl_equipment_7779eb0fdebf": (
        "CREATE INDEX dl_equipment_7779eb0fdebf ON entries (CASE WHEN "
        "(json_extract(data, '$.due_on') IS NOT NULL) THEN (json_extract(data, "
        "'$.due_on')) END, level, register, voided) WHERE register = 'equipment' AND "
        "voided = 0 AND CASE WHEN (json_extract(data, '$.due_on') IS NOT NULL) THEN "
        "(json_extract(data, '$.due_on')) END IS NOT NULL"
    ),
    "dl_equipment_ff199bba9e42": (
        "CREATE INDEX dl_equipment_ff199bba9e42 ON entries (CASE WHEN (level >= 2 AND"
        " (term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END, level, register, voided) "
        "WHERE register = 'equipment' AND voided = 0 AND CASE WHEN (level >= 2 AND "
        "(term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END IS NOT NULL"
    ),
    "dl_gifts_cf4b3bded74c": (
        "CREATE INDEX dl_gifts_cf4b3bded74c ON entries (CASE WHEN "
        "((json_extract(data, '$.kind') IN ('card', 'cash', 'securities', 'voucher') "
        "OR (json_extract(data, '$.kind') = 'travel' AND json_extract(data, "
        "'$.given_to') IS NOT 'collective') OR (json_extract(data, '$.kind') IS NOT "
        "'travel' AND json_extract(data, '$.value') >= 50000)) AND json_extract(data,"
        " '$.handed_in_on') IS NULL) THEN (json_extract(data, '$.received_on')) END, "
        "level, register, voided) WHERE register = 'gifts' AND voided = 0 AND CASE "
        "WHEN ((json_extract(data, '$.kind') IN ('card', 'cash', 'securities', "
        "'voucher') OR (json_extract(data, '$.kind') = 'travel' AND "
        "json_extract(data, '$.given_to') IS NOT 'collective') OR (json_extract(data,"
        " '$.kind') IS NOT 'travel' AND json_extract(data, '$.value') >= 50000)) AND "
        "json_extract(data, '$.handed_in_on') IS NULL) THEN (json_extract(data, "
        "'$.received_on')) END IS NOT NULL"
    ),
    "dl_incidents_8398d9e335ed": (
        "CREATE INDEX dl_incidents_8398d9e335ed ON entries (CASE WHEN "
        "(json_extract(data, '$.reported_on') IS NULL) THEN (json_extract(data, "
        "'$.discovered_on')) END, level, register, voided) WHERE register = "
        "'incidents' AND voided = 0 AND CASE WHEN (json_extract(data, "
        "'$.reported_on') IS NULL) THEN (json_extract(data, '$.discovered_on')) END "
        "IS NOT NULL"
    ),
    "dl_incidents_ab2dcdb793a7": (
        "CREATE INDEX dl_incidents_ab2dcdb793a7 ON entries (CASE WHEN "
        "(json_extract(data, '$.closed_on') IS NULL) THEN (CASE WHEN "
        "json_extract(data, '$.reported_on') IS NULL THEN json_extract(data, "
        "'$.discovered_on') ELSE '9999-12-31' END) END, level, register, voided) "
        "WHERE register = 'incidents' AND voided = 0 AND CASE WHEN "
        "(json_extract(data, '$.closed_on') IS NULL) THEN (CASE WHEN "
        "json_extract(data, '$.reported_on') IS NULL THEN json_extract(data, "
        "'$.discovered_on') ELSE '9999-12-31' END) END IS NOT NULL"
    ),
    "dl_incidents_ff199bba9e42": (
        "CREATE INDEX dl_incidents_ff199bba9e42 ON entries (CASE WHEN (level >= 2 AND"
        " (term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END, level, register, voided) "
        "WHERE register = 'incidents' AND voided = 0 AND CASE WHEN (level >= 2 AND "
        "(term LIKE 'years:%' OR term LIKE 'date:%')) THEN (CASE WHEN term LIKE "
        "'date:%' THEN substr(term, 6) WHEN substr(created_at, 6, 5) = '02-29' AND "
        "strftime('%m-%d', date(substr(created_at, 1, 10), '+' || substr(term, 7) || "
        "' years')) <> '02-29' THEN date(date(substr(created_at, 1, 10), '+' || "
        "substr(term, 7) || ' years'), '-1 day') ELSE date(substr(created_at, 1, 10),"
        " '+' || substr(term, 7) || ' years') END) END IS NOT NULL"
    ),
    "dl_inspection_findings_6511cfa7e2bd": (
        "CREATE INDEX dl_inspection_findings_6511cfa7e2bd ON entries (CASE WHEN "
        "(json_extract(data, '$.verified_on') IS NULL) THEN (json_extract(data, "
        "'$.deadline')) END, level, register, voided) WHERE register = "
        "'inspection_findings' AND voided = 0 AND CASE WHEN (json_extract(data, "
        "'$.verified_on') IS NULL) THEN (json_extract(data, '$.deadline')) END IS NOT"
        " NULL"
    ),
    "dl_inspection_findings_d4775262006b": (
        "CREATE INDEX dl_inspection_findings_d4775262006b ON entries (CASE WHEN "
        "(json_extract(data, '$.verified_on') IS NULL AND json_extract(data, "
        "'$.rectified_on') IS NOT NULL) THEN (coalesce(json_extract(data, "
        "'$.deadline'), '9999-12-31')) END, level, register, voided) WHERE register ="
        " 'inspection_findings' AND voided = 0 AND CASE WHEN (json_extract(data, "
        "'$.verified_on') IS NULL AND json_extract(data, '$.rectified_on') IS NOT "
        "NULL) THEN (coalesce(json_extract(data, '$.deadline'), '9999-12-31')) END IS"
        " NOT NULL"
    ),
    "dl_personnel_360f70590ec8": (
        "CREATE INDEX dl_personnel_360f70590ec8 ON entries (CASE WHEN "
        "(json_extract(data, '$.released_on') IS NULL) THEN (json_extract(data, "
        "'$.disengage_ends')) END, level, register, voided) WHERE register = "
        "'personnel' AND voided = 0 AND CASE WHEN (json_extract(data, "
        "'$.released_on') IS NULL) THEN (json_extract(data, '$.disengage_ends')) END "
        "IS NOT NULL"
    ),
    "dl_training_2e23bcf881ff": (
        "CREATE INDEX dl_training_2e23bcf881ff ON entries (CASE WHEN (1) THEN "
        "(coalesce(json_extract(data, '$.valid_until'), min(date(json_extract(data, "
        "'$.issued_on'), '+60 months'), date(json_extract(data, '$.issued_on'), "
        "'start of month', '+61 months', '-1 day')))) END, level, register, voided) "
        "WHERE register = 'training' AND voided = 0 AND CASE WHEN (1) THEN "
        "(coalesce(json_extract(data, '$.valid_until'), min(date(json_extract(data, "
        "'$.issued_on'), '+60 months'), date(json_extract(data, '$.issued_on'), "
        "'start of month', '+61 months', '-1 day')))) END IS NOT NULL"
    ),
    "dl_visitors_27adbf7948ff": (
        "CREATE INDEX dl_visitors_27adbf7948ff ON entries (CASE WHEN "
        "(coalesce(json_extract(data, '$.time_out'), '') = '') THEN "
        "(json_extract(data, '$.visit_on')) END, level, register, voided) WHERE "
        "register = 'visitors' AND voided = 0 AND CASE WHEN "
        "(coalesce(json_extract(data, '$.time_out'), '') = '') THEN "
        "(json_extract(data, '$.visit_on')) END IS NOT NULL"
    ),
    "ix_archive_access__number": (
        "CREATE INDEX ix_archive_access__number ON entries (year, seq, id, level) "
        "WHERE register = 'archive_access' AND voided = 0"
    ),
    "ix_archive_access_approved_by": (
        "CREATE INDEX ix_archive_access_approved_by ON entries (json_extract(data, "
        "'$.approved_by'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_approved_by__py": (
        "CREATE INDEX ix_archive_access_approved_by__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.approved_by'), json_extract(data, "
        "'$.approved_by')), year, seq, id, level) WHERE register = 'archive_access' "
        "AND voided = 0"
    ),
    "ix_archive_access_checked_by": (
        "CREATE INDEX ix_archive_access_checked_by ON entries (json_extract(data, "
        "'$.checked_by'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_checked_by__py": (
        "CREATE INDEX ix_archive_access_checked_by__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.checked_by'), json_extract(data, "
        "'$.checked_by')), year, seq, id, level) WHERE register = 'archive_access' "
        "AND voided = 0"
    ),
    "ix_archive_access_consulted_on": (
        "CREATE INDEX ix_archive_access_consulted_on ON entries (json_extract(data, "
        "'$.consulted_on'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_due_on": (
        "CREATE INDEX ix_archive_access_due_on ON entries (json_extract(data, "
        "'$.due_on'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_intact": (
        "CREATE INDEX ix_archive_access_intact ON entries (json_extract(data, "
        "'$.intact'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_item_no": (
        "CREATE INDEX ix_archive_access_item_no ON entries (json_extract(data, "
        "'$.item_no'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_item_no__py": (
        "CREATE INDEX ix_archive_access_item_no__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.item_no'), json_extract(data, "
        "'$.item_no')), year, seq, id, level) WHERE register = 'archive_access' AND "
        "voided = 0"
    ),
    "ix_archive_access_item_title": (
        "CREATE INDEX ix_archive_access_item_title ON entries (json_extract(data, "
        "'$.item_title'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_item_title__py": (
        "CREATE INDEX ix_archive_access_item_title__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.item_title'), json_extract(data, "
        "'$.item_title')), year, seq, id, level) WHERE register = 'archive_access' "
        "AND voided = 0"
    ),
    "ix_archive_access_level": (
        "CREATE INDEX ix_archive_access_level ON entries (json_extract(data, "
        "'$.level'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_purpose": (
        "CREATE INDEX ix_archive_access_purpose ON entries (json_extract(data, "
        "'$.purpose'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_purpose__py": (
        "CREATE INDEX ix_archive_access_purpose__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.purpose'), json_extract(data, "
        "'$.purpose')), year, seq, id, level) WHERE register = 'archive_access' AND "
        "voided = 0"
    ),
    "ix_archive_access_reader": (
        "CREATE INDEX ix_archive_access_reader ON entries (json_extract(data, "
        "'$.reader'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_reader__py": (
        "CREATE INDEX ix_archive_access_reader__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.reader'), json_extract(data, "
        "'$.reader')), year, seq, id, level) WHERE register = 'archive_access' AND "
        "voided = 0"
    ),
    "ix_archive_access_reader_department": (
        "CREATE INDEX ix_archive_access_reader_department ON entries "
        "(json_extract(data, '$.reader_department'), year, seq, id, level, register, "
        "voided) WHERE register = 'archive_access' AND voided = 0"
    ),
    "ix_archive_access_reader_department__py": (
        "CREATE INDEX ix_archive_access_reader_department__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.reader_department'), json_extract(data, "
        "'$.reader_department')), year, seq, id, level) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_archive_access_returned_on": (
        "CREATE INDEX ix_archive_access_returned_on ON entries (json_extract(data, "
        "'$.returned_on'), year, seq, id, level, register, voided) WHERE register = "
        "'archive_access' AND voided = 0"
    ),
    "ix_carriers__number": (
        "CREATE INDEX ix_carriers__number ON entries (year, seq, id, level) WHERE "
        "register = 'carriers' AND voided = 0"
    ),
    "ix_carriers_copy_no": (
        "CREATE INDEX ix_carriers_copy_no ON entries (json_extract(data, "
        "'$.copy_no'), year, seq, id, level, register, voided) WHERE register = "
        "'carriers' AND voided = 0"
    ),
    "ix_carriers_department": (
        "CREATE INDEX ix_carriers_department ON entries (json_extract(data, "
        "'$.department'), year, seq, id, level, register, voided) WHERE register = "
        "'carriers' AND voided = 0"
    ),
    "ix_carriers_department__py": (
        "CREATE INDEX ix_carriers_department__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.department'), json_extract(data, "
        "'$.department')), year, seq, id, level) WHERE register = 'carriers' AND "
        "voided = 0"
    ),
    "ix_carriers_due_on": (
        "CREATE INDEX ix_carriers_due_on ON entries (json_extract(data, '$.due_on'), "
        "year, seq, id, level, register, voided) WHERE register = 'carriers' AND "
        "voided = 0"
    ),
    "ix_carriers_holder": (
        "CREATE INDEX ix_carriers_holder ON entries (json_extract(data, '$.holder'), "
        "year, seq, id, level, register, voided) WHERE register = 'carriers' AND "
        "voided = 0"
    ),
    "ix_carriers_kind": (
        "CREATE INDEX ix_carriers_kind ON entries (json_extract(data, '$.kind'), "
        "year, seq, id, level, register, voided) WHERE register = 'carriers' AND "
        "voided = 0"
    ),
    "ix_carriers_level": (
        "CREATE INDEX ix_carriers_level ON entries (json_extract(data, '$.level'), "
        "year, seq, id, level, register, voided) WHERE register = 'carriers' AND "
        "voided = 0"
    ),
    "ix_carriers_location": (
        "CREATE INDEX ix_carriers_location ON entries (json_extract(data, "
        "'$.location'), year, seq, id, level, register, voided) WHERE register = "
        "'carriers' AND voided = 0"
    ),
    "ix_carriers_location__py": (
        "CREATE INDEX ix_carriers_location__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.location'), json_extract(data, "
        "'$.location')), year, seq, id, level) WHERE register = 'carriers' AND voided"
        " = 0"
    ),
    "ix_carriers_title": (
        "CREATE INDEX ix_carriers_title ON entries (json_extract(data, '$.title'), "
        "year, seq, id, level, register, voided) WHERE register = 'carriers' AND "
        "voided = 0"
    ),
    "ix_carriers_title__py": (
        "CREATE INDEX ix_carriers_title__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.title'), json_extract(data, '$.title')),"
        " year, seq, id, level) WHERE register = 'carriers' AND voided = 0"
    ),
    "ix_classification_reviews__number": (
        "CREATE INDEX ix_classification_reviews__number ON entries (year, seq, id, "
        "level) WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_approver": (
        "CREATE INDEX ix_classification_reviews_approver ON entries "
        "(json_extract(data, '$.approver'), year, seq, id, level, register, voided) "
        "WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_approver__py": (
        "CREATE INDEX ix_classification_reviews_approver__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.approver'), json_extract(data, "
        "'$.approver')), year, seq, id, level) WHERE register = "
        "'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_decided_on": (
        "CREATE INDEX ix_classification_reviews_decided_on ON entries "
        "(json_extract(data, '$.decided_on'), year, seq, id, level, register, voided)"
        " WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_decision": (
        "CREATE INDEX ix_classification_reviews_decision ON entries "
        "(json_extract(data, '$.decision'), year, seq, id, level, register, voided) "
        "WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_handling_kept": (
        "CREATE INDEX ix_classification_reviews_handling_kept ON entries "
        "(json_extract(data, '$.handling_kept'), year, seq, id, level, register, "
        "voided) WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_level_before": (
        "CREATE INDEX ix_classification_reviews_level_before ON entries "
        "(json_extract(data, '$.level_before'), year, seq, id, level, register, "
        "voided) WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_new_level": (
        "CREATE INDEX ix_classification_reviews_new_level ON entries "
        "(json_extract(data, '$.new_level'), year, seq, id, level, register, voided) "
        "WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_new_term": (
        "CREATE INDEX ix_classification_reviews_new_term ON entries "
        "(json_extract(data, '$.new_term'), year, seq, id, level, register, voided) "
        "WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_new_term__py": (
        "CREATE INDEX ix_classification_reviews_new_term__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.new_term'), json_extract(data, "
        "'$.new_term')), year, seq, id, level) WHERE register = "
        "'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_subject": (
        "CREATE INDEX ix_classification_reviews_subject ON entries "
        "(json_extract(data, '$.subject'), year, seq, id, level, register, voided) "
        "WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_subject__py": (
        "CREATE INDEX ix_classification_reviews_subject__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.subject'), json_extract(data, "
        "'$.subject')), year, seq, id, level) WHERE register = "
        "'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_target_number": (
        "CREATE INDEX ix_classification_reviews_target_number ON entries "
        "(json_extract(data, '$.target_number'), year, seq, id, level, register, "
        "voided) WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_target_number__py": (
        "CREATE INDEX ix_classification_reviews_target_number__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.target_number'), json_extract(data, "
        "'$.target_number')), year, seq, id, level) WHERE register = "
        "'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_target_register": (
        "CREATE INDEX ix_classification_reviews_target_register ON entries "
        "(json_extract(data, '$.target_register'), year, seq, id, level, register, "
        "voided) WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_term_before": (
        "CREATE INDEX ix_classification_reviews_term_before ON entries "
        "(json_extract(data, '$.term_before'), year, seq, id, level, register, "
        "voided) WHERE register = 'classification_reviews' AND voided = 0"
    ),
    "ix_classification_reviews_term_before__py": (
        "CREATE INDEX ix_classification_reviews_term_before__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.term_before'), json_extract(data, "
        "'$.term_before')), year, seq, id, level) WHERE register = "
        "'classification_reviews' AND voided = 0"
    ),
    "ix_comms__number": (
        "CREATE INDEX ix_comms__number ON entries (year, seq, id, level) WHERE "
        "register = 'comms' AND voided = 0"
    ),
    "ix_comms_approval_ref": (
        "CREATE INDEX ix_comms_approval_ref ON entries (json_extract(data, "
        "'$.approval_ref'), year, seq, id, level, register, voided) WHERE register = "
        "'comms' AND voided = 0"
    ),
    "ix_comms_approval_ref__py": (
        "CREATE INDEX ix_comms_approval_ref__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.approval_ref'), json_extract(data, "
        "'$.approval_ref')), year, seq, id, level) WHERE register = 'comms' AND "
        "voided = 0"
    ),
    "ix_comms_counterpart": (
        "CREATE INDEX ix_comms_counterpart ON entries (json_extract(data, "
        "'$.counterpart'), year, seq, id, level, register, voided) WHERE register = "
        "'comms' AND voided = 0"
    ),
    "ix_comms_counterpart__py": (
        "CREATE INDEX ix_comms_counterpart__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.counterpart'), json_extract(data, "
        "'$.counterpart')), year, seq, id, level) WHERE register = 'comms' AND voided"
        " = 0"
    ),
    "ix_comms_direction": (
        "CREATE INDEX ix_comms_direction ON entries (json_extract(data, "
        "'$.direction'), year, seq, id, level, register, voided) WHERE register = "
        "'comms' AND voided = 0"
    ),
    "ix_comms_disposal": (
        "CREATE INDEX ix_comms_disposal ON entries (json_extract(data, '$.disposal'),"
        " year, seq, id, level, register, voided) WHERE register = 'comms' AND voided"
        " = 0"
    ),
    "ix_comms_filed_on": (
        "CREATE INDEX ix_comms_filed_on ON entries (json_extract(data, '$.filed_on'),"
        " year, seq, id, level, register, voided) WHERE register = 'comms' AND voided"
        " = 0"
    ),
    "ix_comms_level": (
        "CREATE INDEX ix_comms_level ON entries (json_extract(data, '$.level'), year,"
        " seq, id, level, register, voided) WHERE register = 'comms' AND voided = 0"
    ),
    "ix_comms_means": (
        "CREATE INDEX ix_comms_means ON entries (json_extract(data, '$.means'), year,"
        " seq, id, level, register, voided) WHERE register = 'comms' AND voided = 0"
    ),
    "ix_comms_occurred_on": (
        "CREATE INDEX ix_comms_occurred_on ON entries (json_extract(data, "
        "'$.occurred_on'), year, seq, id, level, register, voided) WHERE register = "
        "'comms' AND voided = 0"
    ),
    "ix_comms_operator": (
        "CREATE INDEX ix_comms_operator ON entries (json_extract(data, '$.operator'),"
        " year, seq, id, level, register, voided) WHERE register = 'comms' AND voided"
        " = 0"
    ),
    "ix_comms_operator__py": (
        "CREATE INDEX ix_comms_operator__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.operator'), json_extract(data, "
        "'$.operator')), year, seq, id, level) WHERE register = 'comms' AND voided = "
        "0"
    ),
    "ix_comms_subject": (
        "CREATE INDEX ix_comms_subject ON entries (json_extract(data, '$.subject'), "
        "year, seq, id, level, register, voided) WHERE register = 'comms' AND voided "
        "= 0"
    ),
    "ix_comms_subject__py": (
        "CREATE INDEX ix_comms_subject__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.subject'), json_extract(data, "
        "'$.subject')), year, seq, id, level) WHERE register = 'comms' AND voided = 0"
    ),
    "ix_comms_time": (
        "CREATE INDEX ix_comms_time ON entries (json_extract(data, '$.time'), year, "
        "seq, id, level, register, voided) WHERE register = 'comms' AND voided = 0"
    ),
    "ix_comms_time__py": (
        "CREATE INDEX ix_comms_time__py ON entries (coalesce(json_extract(sortkeys, "
        "'$.time'), json_extract(data, '$.time')), year, seq, id, level) WHERE "
        "register = 'comms' AND voided = 0"
    ),
    "ix_document_prints__number": (
        "CREATE INDEX ix_document_prints__number ON entries (year, seq, id, level) "
        "WHERE register = 'document_prints' AND voided = 0"
    ),
    "ix_document_prints_copies": (
        "CREATE INDEX ix_document_prints_copies ON entries (json_extract(data, "
        "'$.copies'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_distribution": (
        "CREATE INDEX ix_document_prints_distribution ON entries (json_extract(data, "
        "'$.distribution'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_distribution__py": (
        "CREATE INDEX ix_document_prints_distribution__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.distribution'), json_extract(data, "
        "'$.distribution')), year, seq, id, level) WHERE register = 'document_prints'"
        " AND voided = 0"
    ),
    "ix_document_prints_doc_number": (
        "CREATE INDEX ix_document_prints_doc_number ON entries (json_extract(data, "
        "'$.doc_number'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_doc_number__py": (
        "CREATE INDEX ix_document_prints_doc_number__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.doc_number'), json_extract(data, "
        "'$.doc_number')), year, seq, id, level) WHERE register = 'document_prints' "
        "AND voided = 0"
    ),
    "ix_document_prints_level": (
        "CREATE INDEX ix_document_prints_level ON entries (json_extract(data, "
        "'$.level'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_printed_on": (
        "CREATE INDEX ix_document_prints_printed_on ON entries (json_extract(data, "
        "'$.printed_on'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_proofreader": (
        "CREATE INDEX ix_document_prints_proofreader ON entries (json_extract(data, "
        "'$.proofreader'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_proofreader__py": (
        "CREATE INDEX ix_document_prints_proofreader__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.proofreader'), json_extract(data, "
        "'$.proofreader')), year, seq, id, level) WHERE register = 'document_prints' "
        "AND voided = 0"
    ),
    "ix_document_prints_request_ref": (
        "CREATE INDEX ix_document_prints_request_ref ON entries (json_extract(data, "
        "'$.request_ref'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_request_ref__py": (
        "CREATE INDEX ix_document_prints_request_ref__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.request_ref'), json_extract(data, "
        "'$.request_ref')), year, seq, id, level) WHERE register = 'document_prints' "
        "AND voided = 0"
    ),
    "ix_document_prints_signing_leader": (
        "CREATE INDEX ix_document_prints_signing_leader ON entries "
        "(json_extract(data, '$.signing_leader'), year, seq, id, level, register, "
        "voided) WHERE register = 'document_prints' AND voided = 0"
    ),
    "ix_document_prints_signing_leader__py": (
        "CREATE INDEX ix_document_prints_signing_leader__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.signing_leader'), json_extract(data, "
        "'$.signing_leader')), year, seq, id, level) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_title": (
        "CREATE INDEX ix_document_prints_title ON entries (json_extract(data, "
        "'$.title'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_title__py": (
        "CREATE INDEX ix_document_prints_title__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.title'), json_extract(data, '$.title')),"
        " year, seq, id, level) WHERE register = 'document_prints' AND voided = 0"
    ),
    "ix_document_prints_typist": (
        "CREATE INDEX ix_document_prints_typist ON entries (json_extract(data, "
        "'$.typist'), year, seq, id, level, register, voided) WHERE register = "
        "'document_prints' AND voided = 0"
    ),
    "ix_document_prints_typist__py": (
        "CREATE INDEX ix_document_prints_typist__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.typist'), json_extract(data, "
        "'$.typist')), year, seq, id, level) WHERE register = 'document_prints' AND "
        "voided = 0"
    ),
    "ix_document_prints_waste_destroyed": (
        "CREATE INDEX ix_document_prints_waste_destroyed ON entries "
        "(json_extract(data, '$.waste_destroyed'), year, seq, id, level, register, "
        "voided) WHERE register = 'document_prints' AND voided = 0"
    ),
    "ix_drawings__number": (
        "CREATE INDEX ix_drawings__number ON entries (year, seq, id, level) WHERE "
        "register = 'drawings' AND voided = 0"
    ),
    "ix_drawings_copies": (
        "CREATE INDEX ix_drawings_copies ON entries (json_extract(data, '$.copies'), "
        "year, seq, id, level, register, voided) WHERE register = 'drawings' AND "
        "voided = 0"
    ),
    "ix_drawings_drawing_name": (
        "CREATE INDEX ix_drawings_drawing_name ON entries (json_extract(data, "
        "'$.drawing_name'), year, seq, id, level, register, voided) WHERE register = "
        "'drawings' AND voided = 0"
    ),
    "ix_drawings_drawing_name__py": (
        "CREATE INDEX ix_drawings_drawing_name__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.drawing_name'), json_extract(data, "
        "'$.drawing_name')), year, seq, id, level) WHERE register = 'drawings' AND "
        "voided = 0"
    ),
    "ix_drawings_drawing_no": (
        "CREATE INDEX ix_drawings_drawing_no ON entries (json_extract(data, "
        "'$.drawing_no'), year, seq, id, level, register, voided) WHERE register = "
        "'drawings' AND voided = 0"
    ),
    "ix_drawings_drawing_no__py": (
        "CREATE INDEX ix_drawings_drawing_no__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.drawing_no'), json_extract(data, "
        "'$.drawing_no')), year, seq, id, level) WHERE register = 'drawings' AND "
        "voided = 0"
    ),
    "ix_drawings_due_on": (
        "CREATE INDEX ix_drawings_due_on ON entries (json_extract(data, '$.due_on'), "
        "year, seq, id, level, register, voided) WHERE register = 'drawings' AND "
        "voided = 0"
    ),
    "ix_drawings_issued_on": (
        "CREATE INDEX ix_drawings_issued_on ON entries (json_extract(data, "
        "'$.issued_on'), year, seq, id, level, register, voided) WHERE register = "
        "'drawings' AND voided = 0"
    ),
    "ix_drawings_level": (
        "CREATE INDEX ix_drawings_level ON entries (json_extract(data, '$.level'), "
        "year, seq, id, level, register, voided) WHERE register = 'drawings' AND "
        "voided = 0"
    ),
    "ix_drawings_recalled": (
        "CREATE INDEX ix_drawings_recalled ON entries (json_extract(data, "
        "'$.recalled'), year, seq, id, level, register, voided) WHERE register = "
        "'drawings' AND voided = 0"
    ),
    "ix_drawings_receiver": (
        "CREATE INDEX ix_drawings_receiver ON entries (json_extract(data, "
        "'$.receiver'), year, seq, id, level, register, voided) WHERE register = "
        "'drawings' AND voided = 0"
    ),
    "ix_drawings_receiver__py": (
        "CREATE INDEX ix_drawings_receiver__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.receiver'), json_extract(data, "
        "'$.receiver')), year, seq, id, level) WHERE register = 'drawings' AND voided"
        " = 0"
    ),
    "ix_drawings_remarks": (
        "CREATE INDEX ix_drawings_remarks ON entries (json_extract(data, "
        "'$.remarks'), year, seq, id, level, register, voided) WHERE register = "
        "'drawings' AND voided = 0"
    ),
    "ix_drawings_remarks__py": (
        "CREATE INDEX ix_drawings_remarks__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.remarks'), json_extract(data, "
        "'$.remarks')), year, seq, id, level) WHERE register = 'drawings' AND voided "
        "= 0"
    ),
    "ix_equipment__number": (
        "CREATE INDEX ix_equipment__number ON entries (year, seq, id, level) WHERE "
        "register = 'equipment' AND voided = 0"
    ),
    "ix_equipment_asset_no": (
        "CREATE INDEX ix_equipment_asset_no ON entries (json_extract(data, "
        "'$.asset_no'), year, seq, id, level, register, voided) WHERE register = "
        "'equipment' AND voided = 0"
    ),
    "ix_equipment_asset_no__py": (
        "CREATE INDEX ix_equipment_asset_no__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.asset_no'), json_extract(data, "
        "'$.asset_no')), year, seq, id, level) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_department": (
        "CREATE INDEX ix_equipment_department ON entries (json_extract(data, "
        "'$.department'), year, seq, id, level, register, voided) WHERE register = "
        "'equipment' AND voided = 0"
    ),
    "ix_equipment_department__py": (
        "CREATE INDEX ix_equipment_department__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.department'), json_extract(data, "
        "'$.department')), year, seq, id, level) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_due_on": (
        "CREATE INDEX ix_equipment_due_on ON entries (json_extract(data, '$.due_on'),"
        " year, seq, id, level, register, voided) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_holder": (
        "CREATE INDEX ix_equipment_holder ON entries (json_extract(data, '$.holder'),"
        " year, seq, id, level, register, voided) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_kind": (
        "CREATE INDEX ix_equipment_kind ON entries (json_extract(data, '$.kind'), "
        "year, seq, id, level, register, voided) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_level": (
        "CREATE INDEX ix_equipment_level ON entries (json_extract(data, '$.level'), "
        "year, seq, id, level, register, voided) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_location": (
        "CREATE INDEX ix_equipment_location ON entries (json_extract(data, "
        "'$.location'), year, seq, id, level, register, voided) WHERE register = "
        "'equipment' AND voided = 0"
    ),
    "ix_equipment_location__py": (
        "CREATE INDEX ix_equipment_location__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.location'), json_extract(data, "
        "'$.location')), year, seq, id, level) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_model": (
        "CREATE INDEX ix_equipment_model ON entries (json_extract(data, '$.model'), "
        "year, seq, id, level, register, voided) WHERE register = 'equipment' AND "
        "voided = 0"
    ),
    "ix_equipment_model__py": (
        "CREATE INDEX ix_equipment_model__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.model'), json_extract(data, '$.model')),"
        " year, seq, id, level) WHERE register = 'equipment' AND voided = 0"
    ),
    "ix_gifts__number": (
        "CREATE INDEX ix_gifts__number ON entries (year, seq, id, level) WHERE "
        "register = 'gifts' AND voided = 0"
    ),
    "ix_gifts_approver": (
        "CREATE INDEX ix_gifts_approver ON entries (json_extract(data, '$.approver'),"
        " year, seq, id, level, register, voided) WHERE register = 'gifts' AND voided"
        " = 0"
    ),
    "ix_gifts_approver__py": (
        "CREATE INDEX ix_gifts_approver__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.approver'), json_extract(data, "
        "'$.approver')), year, seq, id, level) WHERE register = 'gifts' AND voided = "
        "0"
    ),
    "ix_gifts_department": (
        "CREATE INDEX ix_gifts_department ON entries (json_extract(data, "
        "'$.department'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_department__py": (
        "CREATE INDEX ix_gifts_department__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.department'), json_extract(data, "
        "'$.department')), year, seq, id, level) WHERE register = 'gifts' AND voided "
        "= 0"
    ),
    "ix_gifts_description": (
        "CREATE INDEX ix_gifts_description ON entries (json_extract(data, "
        "'$.description'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_description__py": (
        "CREATE INDEX ix_gifts_description__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.description'), json_extract(data, "
        "'$.description')), year, seq, id, level) WHERE register = 'gifts' AND voided"
        " = 0"
    ),
    "ix_gifts_disposition": (
        "CREATE INDEX ix_gifts_disposition ON entries (json_extract(data, "
        "'$.disposition'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_giver": (
        "CREATE INDEX ix_gifts_giver ON entries (json_extract(data, '$.giver'), year,"
        " seq, id, level, register, voided) WHERE register = 'gifts' AND voided = 0"
    ),
    "ix_gifts_giver__py": (
        "CREATE INDEX ix_gifts_giver__py ON entries (coalesce(json_extract(sortkeys, "
        "'$.giver'), json_extract(data, '$.giver')), year, seq, id, level) WHERE "
        "register = 'gifts' AND voided = 0"
    ),
    "ix_gifts_giver_unit": (
        "CREATE INDEX ix_gifts_giver_unit ON entries (json_extract(data, "
        "'$.giver_unit'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_giver_unit__py": (
        "CREATE INDEX ix_gifts_giver_unit__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.giver_unit'), json_extract(data, "
        "'$.giver_unit')), year, seq, id, level) WHERE register = 'gifts' AND voided "
        "= 0"
    ),
    "ix_gifts_handed_in_on": (
        "CREATE INDEX ix_gifts_handed_in_on ON entries (json_extract(data, "
        "'$.handed_in_on'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_kind": (
        "CREATE INDEX ix_gifts_kind ON entries (json_extract(data, '$.kind'), year, "
        "seq, id, level, register, voided) WHERE register = 'gifts' AND voided = 0"
    ),
    "ix_gifts_quantity": (
        "CREATE INDEX ix_gifts_quantity ON entries (json_extract(data, '$.quantity'),"
        " year, seq, id, level, register, voided) WHERE register = 'gifts' AND voided"
        " = 0"
    ),
    "ix_gifts_received_on": (
        "CREATE INDEX ix_gifts_received_on ON entries (json_extract(data, "
        "'$.received_on'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_recipient": (
        "CREATE INDEX ix_gifts_recipient ON entries (json_extract(data, "
        "'$.recipient'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_recipient__py": (
        "CREATE INDEX ix_gifts_recipient__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.recipient'), json_extract(data, "
        "'$.recipient')), year, seq, id, level) WHERE register = 'gifts' AND voided ="
        " 0"
    ),
    "ix_gifts_remarks": (
        "CREATE INDEX ix_gifts_remarks ON entries (json_extract(data, '$.remarks'), "
        "year, seq, id, level, register, voided) WHERE register = 'gifts' AND voided "
        "= 0"
    ),
    "ix_gifts_remarks__py": (
        "CREATE INDEX ix_gifts_remarks__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.remarks'), json_extract(data, "
        "'$.remarks')), year, seq, id, level) WHERE register = 'gifts' AND voided = 0"
    ),
    "ix_gifts_value": (
        "CREATE INDEX ix_gifts_value ON entries (json_extract(data, '$.value'), year,"
        " seq, id, level, register, voided) WHERE register = 'gifts' AND voided = 0"
    ),
    "ix_gifts_voucher_no": (
        "CREATE INDEX ix_gifts_voucher_no ON entries (json_extract(data, "
        "'$.voucher_no'), year, seq, id, level, register, voided) WHERE register = "
        "'gifts' AND voided = 0"
    ),
    "ix_gifts_voucher_no__py": (
        "CREATE INDEX ix_gifts_voucher_no__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.voucher_no'), json_extract(data, "
        "'$.voucher_no')), year, seq, id, level) WHERE register = 'gifts' AND voided "
        "= 0"
    ),
    "ix_incidents__number": (
        "CREATE INDEX ix_incidents__number ON entries (year, seq, id, level) WHERE "
        "register = 'incidents' AND voided = 0"
    ),
    "ix_incidents_carriers": (
        "CREATE INDEX ix_incidents_carriers ON entries (json_extract(data, "
        "'$.carriers'), year, seq, id, level, register, voided) WHERE register = "
        "'incidents' AND voided = 0"
    ),
    "ix_incidents_carriers__py": (
        "CREATE INDEX ix_incidents_carriers__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.carriers'), json_extract(data, "
        "'$.carriers')), year, seq, id, level) WHERE register = 'incidents' AND "
        "voided = 0"
    ),
    "ix_incidents_closed_on": (
        "CREATE INDEX ix_incidents_closed_on ON entries (json_extract(data, "
        "'$.closed_on'), year, seq, id, level, register, voided) WHERE register = "
        "'incidents' AND voided = 0"
    ),
    "ix_incidents_discovered_by": (
        "CREATE INDEX ix_incidents_discovered_by ON entries (json_extract(data, "
        "'$.discovered_by'), year, seq, id, level, register, voided) WHERE register ="
        " 'incidents' AND voided = 0"
    ),
    "ix_incidents_discovered_by__py": (
        "CREATE INDEX ix_incidents_discovered_by__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.discovered_by'), json_extract(data, "
        "'$.discovered_by')), year, seq, id, level) WHERE register = 'incidents' AND "
        "voided = 0"
    ),
    "ix_incidents_discovered_on": (
        "CREATE INDEX ix_incidents_discovered_on ON entries (json_extract(data, "
        "'$.discovered_on'), year, seq, id, level, register, voided) WHERE register ="
        " 'incidents' AND voided = 0"
    ),
    "ix_incidents_level": (
        "CREATE INDEX ix_incidents_level ON entries (json_extract(data, '$.level'), "
        "year, seq, id, level, register, voided) WHERE register = 'incidents' AND "
        "voided = 0"
    ),
    "ix_incidents_outcome": (
        "CREATE INDEX ix_incidents_outcome ON entries (json_extract(data, "
        "'$.outcome'), year, seq, id, level, register, voided) WHERE register = "
        "'incidents' AND voided = 0"
    ),
    "ix_incidents_outcome__py": (
        "CREATE INDEX ix_incidents_outcome__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.outcome'), json_extract(data, "
        "'$.outcome')), year, seq, id, level) WHERE register = 'incidents' AND voided"
        " = 0"
    ),
    "ix_incidents_reported_on": (
        "CREATE INDEX ix_incidents_reported_on ON entries (json_extract(data, "
        "'$.reported_on'), year, seq, id, level, register, voided) WHERE register = "
        "'incidents' AND voided = 0"
    ),
    "ix_incidents_reported_to": (
        "CREATE INDEX ix_incidents_reported_to ON entries (json_extract(data, "
        "'$.reported_to'), year, seq, id, level, register, voided) WHERE register = "
        "'incidents' AND voided = 0"
    ),
    "ix_incidents_reported_to__py": (
        "CREATE INDEX ix_incidents_reported_to__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.reported_to'), json_extract(data, "
        "'$.reported_to')), year, seq, id, level) WHERE register = 'incidents' AND "
        "voided = 0"
    ),
    "ix_incidents_responsible": (
        "CREATE INDEX ix_incidents_responsible ON entries (json_extract(data, "
        "'$.responsible'), year, seq, id, level, register, voided) WHERE register = "
        "'incidents' AND voided = 0"
    ),
    "ix_incidents_responsible__py": (
        "CREATE INDEX ix_incidents_responsible__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.responsible'), json_extract(data, "
        "'$.responsible')), year, seq, id, level) WHERE register = 'incidents' AND "
        "voided = 0"
    ),
    "ix_incidents_what": (
        "CREATE INDEX ix_incidents_what ON entries (json_extract(data, '$.what'), "
        "year, seq, id, level, register, voided) WHERE register = 'incidents' AND "
        "voided = 0"
    ),
    "ix_incidents_what__py": (
        "CREATE INDEX ix_incidents_what__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.what'), json_extract(data, '$.what')), "
        "year, seq, id, level) WHERE register = 'incidents' AND voided = 0"
    ),
    "ix_inspection_findings__number": (
        "CREATE INDEX ix_inspection_findings__number ON entries (year, seq, id, "
        "level) WHERE register = 'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_deadline": (
        "CREATE INDEX ix_inspection_findings_deadline ON entries (json_extract(data, "
        "'$.deadline'), year, seq, id, level, register, voided) WHERE register = "
        "'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_department": (
        "CREATE INDEX ix_inspection_findings_department ON entries "
        "(json_extract(data, '$.department'), year, seq, id, level, register, voided)"
        " WHERE register = 'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_department__py": (
        "CREATE INDEX ix_inspection_findings_department__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.department'), json_extract(data, "
        "'$.department')), year, seq, id, level) WHERE register = "
        "'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_finding": (
        "CREATE INDEX ix_inspection_findings_finding ON entries (json_extract(data, "
        "'$.finding'), year, seq, id, level, register, voided) WHERE register = "
        "'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_finding__py": (
        "CREATE INDEX ix_inspection_findings_finding__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.finding'), json_extract(data, "
        "'$.finding')), year, seq, id, level) WHERE register = 'inspection_findings' "
        "AND voided = 0"
    ),
    "ix_inspection_findings_inspection": (
        "CREATE INDEX ix_inspection_findings_inspection ON entries "
        "(json_extract(data, '$.inspection'), year, seq, id, level, register, voided)"
        " WHERE register = 'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_rectified_by": (
        "CREATE INDEX ix_inspection_findings_rectified_by ON entries "
        "(json_extract(data, '$.rectified_by'), year, seq, id, level, register, "
        "voided) WHERE register = 'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_rectified_by__py": (
        "CREATE INDEX ix_inspection_findings_rectified_by__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.rectified_by'), json_extract(data, "
        "'$.rectified_by')), year, seq, id, level) WHERE register = "
        "'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_rectified_on": (
        "CREATE INDEX ix_inspection_findings_rectified_on ON entries "
        "(json_extract(data, '$.rectified_on'), year, seq, id, level, register, "
        "voided) WHERE register = 'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_severity": (
        "CREATE INDEX ix_inspection_findings_severity ON entries (json_extract(data, "
        "'$.severity'), year, seq, id, level, register, voided) WHERE register = "
        "'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_verified_by": (
        "CREATE INDEX ix_inspection_findings_verified_by ON entries "
        "(json_extract(data, '$.verified_by'), year, seq, id, level, register, "
        "voided) WHERE register = 'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_verified_by__py": (
        "CREATE INDEX ix_inspection_findings_verified_by__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.verified_by'), json_extract(data, "
        "'$.verified_by')), year, seq, id, level) WHERE register = "
        "'inspection_findings' AND voided = 0"
    ),
    "ix_inspection_findings_verified_on": (
        "CREATE INDEX ix_inspection_findings_verified_on ON entries "
        "(json_extract(data, '$.verified_on'), year, seq, id, level, register, "
        "voided) WHERE register = 'inspection_findings' AND voided = 0"
    ),
    "ix_inspections__number": (
        "CREATE INDEX ix_inspections__number ON entries (year, seq, id, level) WHERE "
        "register = 'inspections' AND voided = 0"
    ),
    "ix_inspections_findings_count": (
        "CREATE INDEX ix_inspections_findings_count ON entries (json_extract(data, "
        "'$.findings_count'), year, seq, id, level, register, voided) WHERE register "
        "= 'inspections' AND voided = 0"
    ),
    "ix_inspections_inspected_on": (
        "CREATE INDEX ix_inspections_inspected_on ON entries (json_extract(data, "
        "'$.inspected_on'), year, seq, id, level, register, voided) WHERE register = "
        "'inspections' AND voided = 0"
    ),
    "ix_inspections_inspectors": (
        "CREATE INDEX ix_inspections_inspectors ON entries (json_extract(data, "
        "'$.inspectors'), year, seq, id, level, register, voided) WHERE register = "
        "'inspections' AND voided = 0"
    ),
    "ix_inspections_inspectors__py": (
        "CREATE INDEX ix_inspections_inspectors__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.inspectors'), json_extract(data, "
        "'$.inspectors')), year, seq, id, level) WHERE register = 'inspections' AND "
        "voided = 0"
    ),
    "ix_inspections_kind": (
        "CREATE INDEX ix_inspections_kind ON entries (json_extract(data, '$.kind'), "
        "year, seq, id, level, register, voided) WHERE register = 'inspections' AND "
        "voided = 0"
    ),
    "ix_inspections_scope": (
        "CREATE INDEX ix_inspections_scope ON entries (json_extract(data, '$.scope'),"
        " year, seq, id, level, register, voided) WHERE register = 'inspections' AND "
        "voided = 0"
    ),
    "ix_inspections_scope__py": (
        "CREATE INDEX ix_inspections_scope__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.scope'), json_extract(data, '$.scope')),"
        " year, seq, id, level) WHERE register = 'inspections' AND voided = 0"
    ),
    "ix_inspections_summary": (
        "CREATE INDEX ix_inspections_summary ON entries (json_extract(data, "
        "'$.summary'), year, seq, id, level, register, voided) WHERE register = "
        "'inspections' AND voided = 0"
    ),
    "ix_inspections_summary__py": (
        "CREATE INDEX ix_inspections_summary__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.summary'), json_extract(data, "
        "'$.summary')), year, seq, id, level) WHERE register = 'inspections' AND "
        "voided = 0"
    ),
    "ix_personnel__number": (
        "CREATE INDEX ix_personnel__number ON entries (year, seq, id, level) WHERE "
        "register = 'personnel' AND voided = 0"
    ),
    "ix_personnel_access_level": (
        "CREATE INDEX ix_personnel_access_level ON entries (json_extract(data, "
        "'$.access_level'), year, seq, id, level, register, voided) WHERE register = "
        "'personnel' AND voided = 0"
    ),
    "ix_personnel_department": (
        "CREATE INDEX ix_personnel_department ON entries (json_extract(data, "
        "'$.department'), year, seq, id, level, register, voided) WHERE register = "
        "'personnel' AND voided = 0"
    ),
    "ix_personnel_department__py": (
        "CREATE INDEX ix_personnel_department__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.department'), json_extract(data, "
        "'$.department')), year, seq, id, level) WHERE register = 'personnel' AND "
        "voided = 0"
    ),
    "ix_personnel_gender": (
        "CREATE INDEX ix_personnel_gender ON entries (json_extract(data, '$.gender'),"
        " year, seq, id, level, register, voided) WHERE register = 'personnel' AND "
        "voided = 0"
    ),
    "ix_personnel_id_number": (
        "CREATE INDEX ix_personnel_id_number ON entries (json_extract(data, "
        "'$.id_number'), year, seq, id, level, register, voided) WHERE register = "
        "'personnel' AND voided = 0"
    ),
    "ix_personnel_name": (
        "CREATE INDEX ix_personnel_name ON entries (json_extract(data, '$.name'), "
        "year, seq, id, level, register, voided) WHERE register = 'personnel' AND "
        "voided = 0"
    ),
    "ix_personnel_name__py": (
        "CREATE INDEX ix_personnel_name__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.name'), json_extract(data, '$.name')), "
        "year, seq, id, level) WHERE register = 'personnel' AND voided = 0"
    ),
    "ix_personnel_person_class": (
        "CREATE INDEX ix_personnel_person_class ON entries (json_extract(data, "
        "'$.person_class'), year, seq, id, level, register, voided) WHERE register = "
        "'personnel' AND voided = 0"
    ),
    "ix_personnel_phone": (
        "CREATE INDEX ix_personnel_phone ON entries (json_extract(data, '$.phone'), "
        "year, seq, id, level, register, voided) WHERE register = 'personnel' AND "
        "voided = 0"
    ),
    "ix_personnel_post": (
        "CREATE INDEX ix_personnel_post ON entries (json_extract(data, '$.post'), "
        "year, seq, id, level, register, voided) WHERE register = 'personnel' AND "
        "voided = 0"
    ),
    "ix_personnel_post__py": (
        "CREATE INDEX ix_personnel_post__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.post'), json_extract(data, '$.post')), "
        "year, seq, id, level) WHERE register = 'personnel' AND voided = 0"
    ),
    "ix_prints__number": (
        "CREATE INDEX ix_prints__number ON entries (year, seq, id, level) WHERE "
        "register = 'prints' AND voided = 0"
    ),
    "ix_prints_code": (
        "CREATE INDEX ix_prints_code ON entries (json_extract(data, '$.code'), year, "
        "seq, id, level, register, voided) WHERE register = 'prints' AND voided = 0"
    ),
    "ix_prints_code__py": (
        "CREATE INDEX ix_prints_code__py ON entries (coalesce(json_extract(sortkeys, "
        "'$.code'), json_extract(data, '$.code')), year, seq, id, level) WHERE "
        "register = 'prints' AND voided = 0"
    ),
    "ix_prints_copies": (
        "CREATE INDEX ix_prints_copies ON entries (json_extract(data, '$.copies'), "
        "year, seq, id, level, register, voided) WHERE register = 'prints' AND voided"
        " = 0"
    ),
    "ix_prints_document": (
        "CREATE INDEX ix_prints_document ON entries (json_extract(data, "
        "'$.document'), year, seq, id, level, register, voided) WHERE register = "
        "'prints' AND voided = 0"
    ),
    "ix_prints_document__py": (
        "CREATE INDEX ix_prints_document__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.document'), json_extract(data, "
        "'$.document')), year, seq, id, level) WHERE register = 'prints' AND voided ="
        " 0"
    ),
    "ix_prints_level": (
        "CREATE INDEX ix_prints_level ON entries (json_extract(data, '$.level'), "
        "year, seq, id, level, register, voided) WHERE register = 'prints' AND voided"
        " = 0"
    ),
    "ix_prints_object": (
        "CREATE INDEX ix_prints_object ON entries (json_extract(data, '$.object'), "
        "year, seq, id, level, register, voided) WHERE register = 'prints' AND voided"
        " = 0"
    ),
    "ix_prints_object__py": (
        "CREATE INDEX ix_prints_object__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.object'), json_extract(data, "
        "'$.object')), year, seq, id, level) WHERE register = 'prints' AND voided = 0"
    ),
    "ix_prints_printed_at": (
        "CREATE INDEX ix_prints_printed_at ON entries (json_extract(data, "
        "'$.printed_at'), year, seq, id, level, register, voided) WHERE register = "
        "'prints' AND voided = 0"
    ),
    "ix_prints_printed_at__py": (
        "CREATE INDEX ix_prints_printed_at__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.printed_at'), json_extract(data, "
        "'$.printed_at')), year, seq, id, level) WHERE register = 'prints' AND voided"
        " = 0"
    ),
    "ix_prints_printed_by": (
        "CREATE INDEX ix_prints_printed_by ON entries (json_extract(data, "
        "'$.printed_by'), year, seq, id, level, register, voided) WHERE register = "
        "'prints' AND voided = 0"
    ),
    "ix_prints_printer": (
        "CREATE INDEX ix_prints_printer ON entries (json_extract(data, '$.printer'), "
        "year, seq, id, level, register, voided) WHERE register = 'prints' AND voided"
        " = 0"
    ),
    "ix_prints_printer__py": (
        "CREATE INDEX ix_prints_printer__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.printer'), json_extract(data, "
        "'$.printer')), year, seq, id, level) WHERE register = 'prints' AND voided = "
        "0"
    ),
    "ix_prints_reprint": (
        "CREATE INDEX ix_prints_reprint ON entries (json_extract(data, '$.reprint'), "
        "year, seq, id, level, register, voided) WHERE register = 'prints' AND voided"
        " = 0"
    ),
    "ix_training__number": (
        "CREATE INDEX ix_training__number ON entries (year, seq, id, level) WHERE "
        "register = 'training' AND voided = 0"
    ),
    "ix_training_certificate_no": (
        "CREATE INDEX ix_training_certificate_no ON entries (json_extract(data, "
        "'$.certificate_no'), year, seq, id, level, register, voided) WHERE register "
        "= 'training' AND voided = 0"
    ),
    "ix_training_certificate_no__py": (
        "CREATE INDEX ix_training_certificate_no__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.certificate_no'), json_extract(data, "
        "'$.certificate_no')), year, seq, id, level) WHERE register = 'training' AND "
        "voided = 0"
    ),
    "ix_training_course": (
        "CREATE INDEX ix_training_course ON entries (json_extract(data, '$.course'), "
        "year, seq, id, level, register, voided) WHERE register = 'training' AND "
        "voided = 0"
    ),
    "ix_training_course__py": (
        "CREATE INDEX ix_training_course__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.course'), json_extract(data, "
        "'$.course')), year, seq, id, level) WHERE register = 'training' AND voided ="
        " 0"
    ),
    "ix_training_issued_on": (
        "CREATE INDEX ix_training_issued_on ON entries (json_extract(data, "
        "'$.issued_on'), year, seq, id, level, register, voided) WHERE register = "
        "'training' AND voided = 0"
    ),
    "ix_training_kind": (
        "CREATE INDEX ix_training_kind ON entries (json_extract(data, '$.kind'), "
        "year, seq, id, level, register, voided) WHERE register = 'training' AND "
        "voided = 0"
    ),
    "ix_training_name": (
        "CREATE INDEX ix_training_name ON entries (json_extract(data, '$.name'), "
        "year, seq, id, level, register, voided) WHERE register = 'training' AND "
        "voided = 0"
    ),
    "ix_training_name__py": (
        "CREATE INDEX ix_training_name__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.name'), json_extract(data, '$.name')), "
        "year, seq, id, level) WHERE register = 'training' AND voided = 0"
    ),
    "ix_training_person": (
        "CREATE INDEX ix_training_person ON entries (json_extract(data, '$.person'), "
        "year, seq, id, level, register, voided) WHERE register = 'training' AND "
        "voided = 0"
    ),
    "ix_training_valid_until": (
        "CREATE INDEX ix_training_valid_until ON entries (json_extract(data, "
        "'$.valid_until'), year, seq, id, level, register, voided) WHERE register = "
        "'training' AND voided = 0"
    ),
    "ix_travel__number": (
        "CREATE INDEX ix_travel__number ON entries (year, seq, id, level) WHERE "
        "register = 'travel' AND voided = 0"
    ),
    "ix_travel_briefed_on": (
        "CREATE INDEX ix_travel_briefed_on ON entries (json_extract(data, "
        "'$.briefed_on'), year, seq, id, level, register, voided) WHERE register = "
        "'travel' AND voided = 0"
    ),
    "ix_travel_commitment": (
        "CREATE INDEX ix_travel_commitment ON entries (json_extract(data, "
        "'$.commitment'), year, seq, id, level, register, voided) WHERE register = "
        "'travel' AND voided = 0"
    ),
    "ix_travel_commitment__py": (
        "CREATE INDEX ix_travel_commitment__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.commitment'), json_extract(data, "
        "'$.commitment')), year, seq, id, level) WHERE register = 'travel' AND voided"
        " = 0"
    ),
    "ix_travel_depart_on": (
        "CREATE INDEX ix_travel_depart_on ON entries (json_extract(data, "
        "'$.depart_on'), year, seq, id, level, register, voided) WHERE register = "
        "'travel' AND voided = 0"
    ),
    "ix_travel_destination": (
        "CREATE INDEX ix_travel_destination ON entries (json_extract(data, "
        "'$.destination'), year, seq, id, level, register, voided) WHERE register = "
        "'travel' AND voided = 0"
    ),
    "ix_travel_destination__py": (
        "CREATE INDEX ix_travel_destination__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.destination'), json_extract(data, "
        "'$.destination')), year, seq, id, level) WHERE register = 'travel' AND "
        "voided = 0"
    ),
    "ix_travel_name": (
        "CREATE INDEX ix_travel_name ON entries (json_extract(data, '$.name'), year, "
        "seq, id, level, register, voided) WHERE register = 'travel' AND voided = 0"
    ),
    "ix_travel_name__py": (
        "CREATE INDEX ix_travel_name__py ON entries (coalesce(json_extract(sortkeys, "
        "'$.name'), json_extract(data, '$.name')), year, seq, id, level) WHERE "
        "register = 'travel' AND voided = 0"
    ),
    "ix_travel_person": (
        "CREATE INDEX ix_travel_person ON entries (json_extract(data, '$.person'), "
        "year, seq, id, level, register, voided) WHERE register = 'travel' AND voided"
        " = 0"
    ),
    "ix_travel_purpose": (
        "CREATE INDEX ix_travel_purpose ON entries (json_extract(data, '$.purpose'), "
        "year, seq, id, level, register, voided) WHERE register = 'travel' AND voided"
        " = 0"
    ),
    "ix_travel_return_on": (
        "CREATE INDEX ix_travel_return_on ON entries (json_extract(data, "
        "'$.return_on'), year, seq, id, level, register, voided) WHERE register = "
        "'travel' AND voided = 0"
    ),
    "ix_trust__number": (
        "CREATE INDEX ix_trust__number ON entries (year, seq, id, level) WHERE "
        "register = 'trust' AND voided = 0"
    ),
    "ix_trust_name": (
        "CREATE INDEX ix_trust_name ON entries (json_extract(data, '$.name'), year, "
        "seq, id, level, register, voided) WHERE register = 'trust' AND voided = 0"
    ),
    "ix_trust_name__py": (
        "CREATE INDEX ix_trust_name__py ON entries (coalesce(json_extract(sortkeys, "
        "'$.name'), json_extract(data, '$.name')), year, seq, id, level) WHERE "
        "register = 'trust' AND voided = 0"
    ),
    "ix_trust_person": (
        "CREATE INDEX ix_trust_person ON entries (json_extract(data, '$.person'), "
        "year, seq, id, level, register, voided) WHERE register = 'trust' AND voided "
        "= 0"
    ),
    "ix_trust_rated_on": (
        "CREATE INDEX ix_trust_rated_on ON entries (json_extract(data, '$.rated_on'),"
        " year, seq, id, level, register, voided) WHERE register = 'trust' AND voided"
        " = 0"
    ),
    "ix_trust_reason": (
        "CREATE INDEX ix_trust_reason ON entries (json_extract(data, '$.reason'), "
        "year, seq, id, level, register, voided) WHERE register = 'trust' AND voided "
        "= 0"
    ),
    "ix_trust_reason__py": (
        "CREATE INDEX ix_trust_reason__py ON entries (coalesce(json_extract(sortkeys,"
        " '$.reason'), json_extract(data, '$.reason')), year, seq, id, level) WHERE "
        "register = 'trust' AND voided = 0"
    ),
    "ix_trust_score": (
        "CREATE INDEX ix_trust_score ON entries (json_extract(data, '$.score'), year,"
        " seq, id, level, register, voided) WHERE register = 'trust' AND voided = 0"
    ),
    "ix_visitors__number": (
        "CREATE INDEX ix_visitors__number ON entries (year, seq, id, level) WHERE "
        "register = 'visitors' AND voided = 0"
    ),
    "ix_visitors_approval_ref": (
        "CREATE INDEX ix_visitors_approval_ref ON entries (json_extract(data, "
        "'$.approval_ref'), year, seq, id, level, register, voided) WHERE register = "
        "'visitors' AND voided = 0"
    ),
    "ix_visitors_approval_ref__py": (
        "CREATE INDEX ix_visitors_approval_ref__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.approval_ref'), json_extract(data, "
        "'$.approval_ref')), year, seq, id, level) WHERE register = 'visitors' AND "
        "voided = 0"
    ),
    "ix_visitors_area": (
        "CREATE INDEX ix_visitors_area ON entries (json_extract(data, '$.area'), "
        "year, seq, id, level, register, voided) WHERE register = 'visitors' AND "
        "voided = 0"
    ),
    "ix_visitors_area__py": (
        "CREATE INDEX ix_visitors_area__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.area'), json_extract(data, '$.area')), "
        "year, seq, id, level) WHERE register = 'visitors' AND voided = 0"
    ),
    "ix_visitors_escort": (
        "CREATE INDEX ix_visitors_escort ON entries (json_extract(data, '$.escort'), "
        "year, seq, id, level, register, voided) WHERE register = 'visitors' AND "
        "voided = 0"
    ),
    "ix_visitors_escort__py": (
        "CREATE INDEX ix_visitors_escort__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.escort'), json_extract(data, "
        "'$.escort')), year, seq, id, level) WHERE register = 'visitors' AND voided ="
        " 0"
    ),
    "ix_visitors_host_department": (
        "CREATE INDEX ix_visitors_host_department ON entries (json_extract(data, "
        "'$.host_department'), year, seq, id, level, register, voided) WHERE register"
        " = 'visitors' AND voided = 0"
    ),
    "ix_visitors_host_department__py": (
        "CREATE INDEX ix_visitors_host_department__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.host_department'), json_extract(data, "
        "'$.host_department')), year, seq, id, level) WHERE register = 'visitors' AND"
        " voided = 0"
    ),
    "ix_visitors_id_number": (
        "CREATE INDEX ix_visitors_id_number ON entries (json_extract(data, "
        "'$.id_number'), year, seq, id, level, register, voided) WHERE register = "
        "'visitors' AND voided = 0"
    ),
    "ix_visitors_id_number__py": (
        "CREATE INDEX ix_visitors_id_number__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.id_number'), json_extract(data, "
        "'$.id_number')), year, seq, id, level) WHERE register = 'visitors' AND "
        "voided = 0"
    ),
    "ix_visitors_name": (
        "CREATE INDEX ix_visitors_name ON entries (json_extract(data, '$.name'), "
        "year, seq, id, level, register, voided) WHERE register = 'visitors' AND "
        "voided = 0"
    ),
    "ix_visitors_name__py": (
        "CREATE INDEX ix_visitors_name__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.name'), json_extract(data, '$.name')), "
        "year, seq, id, level) WHERE register = 'visitors' AND voided = 0"
    ),
    "ix_visitors_nationality": (
        "CREATE INDEX ix_visitors_nationality ON entries (json_extract(data, "
        "'$.nationality'), year, seq, id, level, register, voided) WHERE register = "
        "'visitors' AND voided = 0"
    ),
    "ix_visitors_nationality__py": (
        "CREATE INDEX ix_visitors_nationality__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.nationality'), json_extract(data, "
        "'$.nationality')), year, seq, id, level) WHERE register = 'visitors' AND "
        "voided = 0"
    ),
    "ix_visitors_time_in": (
        "CREATE INDEX ix_visitors_time_in ON entries (json_extract(data, "
        "'$.time_in'), year, seq, id, level, register, voided) WHERE register = "
        "'visitors' AND voided = 0"
    ),
    "ix_visitors_time_in__py": (
        "CREATE INDEX ix_visitors_time_in__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.time_in'), json_extract(data, "
        "'$.time_in')), year, seq, id, level) WHERE register = 'visitors' AND voided "
        "= 0"
    ),
    "ix_visitors_time_out": (
        "CREATE INDEX ix_visitors_time_out ON entries (json_extract(data, "
        "'$.time_out'), year, seq, id, level, register, voided) WHERE register = "
        "'visitors' AND voided = 0"
    ),
    "ix_visitors_time_out__py": (
        "CREATE INDEX ix_visitors_time_out__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.time_out'), json_extract(data, "
        "'$.time_out')), year, seq, id, level) WHERE register = 'visitors' AND voided"
        " = 0"
    ),
    "ix_visitors_unit": (
        "CREATE INDEX ix_visitors_unit ON entries (json_extract(data, '$.unit'), "
        "year, seq, id, level, register, voided) WHERE register = 'visitors' AND "
        "voided = 0"
    ),
    "ix_visitors_unit__py": (
        "CREATE INDEX ix_visitors_unit__py ON entries "
        "(coalesce(json_extract(sortkeys, '$.unit'), json_extract(data, '$.unit')), "
        "year, seq, id, level) WHERE register = 'visitors' AND voided = 0"
    ),
    "ix_visitors_visit_on": (
        "CREATE INDEX ix_visitors_visit_on ON entries (json_extract(data, "
        "'$.visit_on'), year, seq, id, level, register, voided) WHERE register = "
        "'visitors' AND voided = 0"
    ),
}

#: register → the fields its ``entry_dims`` rows hold, in column order.
COUNTED: Final[dict[str, tuple[str, ...]]] = {
    "archive_access": ("intact", "consulted_on", "due_on", "returned_on", "checked_on"),
    "carriers": ("kind", "origin", "department", "due_on"),
    "classification_reviews": (
        "target_register",
        "decision",
        "new_level",
        "handling_kept",
        "term_ends_on",
        "decided_on",
    ),
    "comms": (
        "direction",
        "means",
        "secured",
        "disposal",
        "occurred_on",
        "filed_on",
        "disposed_on",
    ),
    "document_prints": ("waste_destroyed", "printed_on"),
    "drawings": (
        "recalled",
        "must_recall",
        "lost",
        "issued_on",
        "due_on",
        "recalled_on",
        "loss_recorded_on",
    ),
    "equipment": ("kind", "department", "in_service_on", "due_on"),
    "gifts": (
        "department",
        "kind",
        "given_to",
        "disposition",
        "received_on",
        "handed_in_on",
        "disposed_on",
    ),
    "incidents": ("discovered_on", "reported_on", "closed_on"),
    "inspection_findings": ("severity", "department", "deadline", "rectified_on", "verified_on"),
    "inspections": ("kind", "inspected_on"),
    "personnel": (
        "gender",
        "department",
        "person_class",
        "access_level",
        "left_on",
        "disengage_ends",
        "released_on",
    ),
    "prints": ("kind", "reprint"),
    "training": ("kind", "issued_on", "valid_until"),
    "travel": ("purpose", "depart_on", "return_on", "briefed_on"),
    "trust": ("rated_on",),
    "visitors": ("id_kind", "visit_on"),
}

#: register → its counted fields that are dates (``entry_dim_counts`` holds their month).
MONTHLY: Final[dict[str, tuple[str, ...]]] = {
    "archive_access": ("consulted_on", "due_on", "returned_on", "checked_on"),
    "carriers": ("due_on",),
    "classification_reviews": ("term_ends_on", "decided_on"),
    "comms": ("occurred_on", "filed_on", "disposed_on"),
    "document_prints": ("printed_on",),
    "drawings": ("issued_on", "due_on", "recalled_on", "loss_recorded_on"),
    "equipment": ("in_service_on", "due_on"),
    "gifts": ("received_on", "handed_in_on", "disposed_on"),
    "incidents": ("discovered_on", "reported_on", "closed_on"),
    "inspection_findings": ("deadline", "rectified_on", "verified_on"),
    "inspections": ("inspected_on",),
    "personnel": ("left_on", "disengage_ends", "released_on"),
    "training": ("issued_on", "valid_until"),
    "travel": ("depart_on", "return_on", "briefed_on"),
    "trust": ("rated_on",),
    "visitors": ("visit_on",),
}
