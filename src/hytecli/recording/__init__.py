"""Recording in the plan files: values, completions, assessments (record, complete, assess).

Each operation runs under a lock on the repository, so that two commands run at the same time
both land: load the repository (refusing if it has load errors), check the request against the
plan, compute a minimal text edit (:mod:`hytecli.editing`), re-read the edited text with the
strict reader and the file's model and check that its data is exactly the old data plus the
change and that ``hyte validate``'s cross-file checks find no new error in the file, and only
then replace the file atomically (:func:`hytecli.fileio.write_bytes_atomic`).
Anything refused raises :class:`Refused` and writes nothing.

The lock is a :mod:`filelock` lock (``flock`` on POSIX, ``LockFileEx`` on Windows; released by
the operating system if the process dies, so it never goes stale). Its file is
``.git/hyte.lock`` when the repository is the top of a git work tree (git never tracks files in
``.git``, so no untracked file appears), else a file named after the repository's path in the
temporary folder.

:mod:`.values` records a value (``hyte record``), :mod:`.completions` a completion
(``hyte complete``), :mod:`.assessments` an assessment (``hyte assess``); :mod:`.common` holds
what they share: the lock, the checks, the safe edit. :func:`.values.record_value_in`,
:func:`.assessments.assess_item_in` and :func:`.completions.complete_item_in` are the in-memory
steps of record, assess and complete: many of them, several to one file, are made in one
:class:`.common.EditSession` and written together, all or nothing (:func:`.common.write_files`),
as ``hyte collect import`` does.
"""

from hytecli.recording.assessment_texts import read_text_file
from hytecli.recording.assessments import AssessmentResult, assess_item, assess_item_in
from hytecli.recording.common import (
    LOCK_NAME,
    LOCK_TIMEOUT,
    EditSession,
    FileChange,
    Refused,
    lock_path,
    repository_lock,
    write_files,
)
from hytecli.recording.completions import CompletionResult, complete_item, complete_item_in
from hytecli.recording.values import RecordResult, record_value, record_value_in

__all__ = [
    "AssessmentResult",
    "EditSession",
    "FileChange",
    "LOCK_NAME",
    "LOCK_TIMEOUT",
    "CompletionResult",
    "RecordResult",
    "Refused",
    "assess_item",
    "assess_item_in",
    "complete_item",
    "complete_item_in",
    "lock_path",
    "read_text_file",
    "record_value",
    "record_value_in",
    "repository_lock",
    "write_files",
]
