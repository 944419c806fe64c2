"""Every error and validation message of the project, in one place.

Messages are format strings filled with the offending value. Validation rules carry a short code
(``V...``) so that reports, tests and documentation can name them; input errors (``E...``) are
raised as :class:`VnieError`.
"""

from __future__ import annotations


class Rules:
    """Validation rules of FORMAT.md and GUIDELINES.md, one code a rule."""

    JSON = "V001 broken JSON: {detail}"
    NOT_OBJECT = "V002 a line must hold one JSON object, found {kind}"
    SCHEMA = "V003 schema: {detail}"
    TEXT_OR_SOURCE = "V004 a record gives either `text` or both `source` and `text_sha256`, found {fields}"
    NOT_NFC = "V005 text is not in Unicode NFC"
    NOT_STRIPPED = "V006 text has leading or trailing whitespace"
    NO_CORPUS = "V007 standoff record {source!r} needs a corpus folder (--corpus)"
    MISSING_SOURCE = "V008 source file {source!r} is missing from {corpus}"
    HASH_MISMATCH = "V009 text_sha256 {given} differs from the text's {actual}"
    UNREADABLE_SOURCE = "V010 source file cannot be read: {detail}"
    DUPLICATE_DOC = "V011 document id {doc_id!r} already used on line {first_line}"
    DUPLICATE_SPAN = "V012 span id {span_id!r} is used twice"
    LABEL = "V013 unknown span label {label!r}"
    OFFSETS = "V014 offsets {start}..{end} are outside the text (length {length})"
    SPAN_TEXT = "V015 span text {given!r} differs from text[{start}:{end}] {actual!r}"
    EDGE = "V016 span {text!r} {where}"
    OVERLAP = "V017 overlaps span {other!r} ({other_text!r})"
    ATTR_KEYS = "V018 {label} attrs must be exactly {expected}, found {found}"
    ATTR_VALUE = "V019 attribute {name} has invalid value {value!r}: {expected}"
    VALUE_ORDER = "V020 value {value!r} is greater than value_max {value_max!r}"
    RELATION_LABEL = "V021 relation {relation}: unknown label {label!r}"
    RELATION_ARG = "V022 relation {relation}: no span with id {span_id!r}"
    RELATION_TYPES = "V023 relation {relation}: {label} goes {head_label} -> {tail_label}, found {found}"
    RELATION_DUPLICATE = "V024 relation {relation}: {head!r} has a second {label} relation"
    RELATION_REPEATED = "V025 relation {relation} is given twice"
    UNLINKED = "V027 gold {label} with no {relation} relation reaching it (GUIDELINES: only linked mentions)"
    NOT_SHORTEST = "V028 gold period {period!r} of {attr} is not in the shortest form (GUIDELINES: write {shortest!r})"
    DOC_ID = "V026 document id must be a non-empty string without surrounding whitespace, found {doc_id!r}"


class Errors:
    """Input and usage errors, raised as :class:`VnieError`."""

    E001 = "{path}: line {line}: bytes {snippet!r} at byte {offset} are not valid UTF-8"
    E002 = "{path}: no such file or folder"
    E003 = "{path}: unsupported input (expected .txt, .jsonl or a folder)"
    E004 = "{path}: invalid documents:\n{violations}"
    E005 = "draft {doc_id!r} names source {source!r}: give the corpus folder (--corpus)"
    E006 = "unknown segmenter {name!r}; choose one of {choices}"
    E007 = "{path}: the pattern matched no input files"
    E008 = "{path}: is not a file of this batch's output (line {line}: {detail}); remove it or choose another output"
    E009 = "document id {doc_id!r} occurs twice in the input: {first} and {second}"
    E011 = "{path}: not a valid annotation draft: {detail}"
    E012 = "draft {doc_id!r}: give either `text` or `source`, not both or neither"
    E013 = "draft {doc_id!r}: span {span_id}: ctx {ctx!r} occurs {count} times in the text (it must occur once)"
    E014 = "draft {doc_id!r}: span {span_id}: text {text!r} is not inside its ctx {ctx!r}"
    E015 = "component {component!r}: unknown settings {keys} in its saved config"
    E016 = "vnie_entities: lexicon_min_precision must lie between 0 and 1, got {value!r}"
    E017 = "vnie_span_resolver: unknown label {label!r} in priority {priority}; labels are {labels}"
    E018 = "vnie_quantity_ruler: unknown number_style {value!r}; choose one of {choices}"
    E030 = "vnie_attribute_resolver: carry_periods must be true or false, got {value!r}"
    # evaluation (``evaluation/``)
    E019 = "the pipeline's output for this document breaks the format, so it is not written: {violations}"
    E020 = "{path}: unsupported fact table format; choose one of {formats}"
    E101 = "{path}: the gold file holds no documents, so there is nothing to score"
    E102 = (
        "{path}: line {line}: prediction {doc_id!r} has the id of a gold document but another text "
        "(SHA-256 {pred_sha} instead of {gold_sha}); its offsets cannot be scored against that gold"
    )
    E103 = "{path}: the report folder is an existing file; give a folder for --out"
    E104 = "the number of bootstrap resamples must be 0 or more, got {value}"
    E105 = "the confidence level must lie strictly between 0 and 1, got {value}"
    E106 = "{path}: cannot write the report: {detail}"
    E107 = "underthesea cannot be imported ({detail}); install the project with its dependencies"
    E108 = "underthesea's ner failed on document {doc_id!r} at offset {offset}: {detail}"


class VnieError(Exception):
    """An error in the user's input or arguments; its message names the file and the rule."""
