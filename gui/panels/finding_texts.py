"""The checks' names and findings in the interface language (the command line says
them in English: corpus/checks/)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from corpus.checks import Finding

translate = QCoreApplication.translate


def check_title(check: str) -> str:
    titles = {
        "label-conflict": translate("Checks", "Label conflict"),
        "layer-conflict": translate("Checks", "Layers disagree"),
        "missed": translate("Checks", "Likely miss"),
        "token-cut": translate("Checks", "Cuts a word"),
        "edge": translate("Checks", "Loose edge"),
        "duplicate": translate("Checks", "Duplicate"),
        "overlap": translate("Checks", "Overlap"),
        "metric-value": translate("Checks", "Unreadable metric"),
        "damaged": translate("Checks", "Damaged text"),
        "boilerplate": translate("Checks", "Boilerplate"),
    }
    return titles.get(check, check)


def details(finding: Finding) -> str:
    """What is wrong, in words, from the finding's figures."""
    facts, check = finding.facts, finding.check
    if check == "label-conflict":
        tally = ", ".join(f"{label} ×{n}" for label, n in sorted(
            facts["labels"].items(), key=lambda kv: -kv[1]))
        return translate("Checks", "This layer labels the string %1").replace("%1", tally)
    if check == "layer-conflict":
        return translate("Checks", "The layers label this string differently (%1)").replace(
            "%1", finding.details.rsplit("(", 1)[-1].rstrip(")"))
    if check == "missed":
        return translate("Checks", "Labelled %1 %2× in %3 documents, unlabelled here "
                                   "(%4 places)").replace("%1", facts["label"]) \
            .replace("%2", str(facts["labelled"])).replace("%3", str(facts["documents"])) \
            .replace("%4", str(facts["unlabelled"]))
    if check == "token-cut":
        return translate("Checks", "Starts or ends inside the word %1").replace(
            "%1", facts["words"])
    if check == "edge":
        return translate("Checks", "Starts or ends with white space or punctuation")
    if check == "duplicate":
        return translate("Checks", "The same span is there twice")
    if check == "overlap":
        return translate("Checks", "Overlaps the span %1 of the same label").replace(
            "%1", facts["other"])
    if check == "metric-value":
        return translate("Checks", "No number can be read from this metric")
    if check == "damaged":
        return translate("Checks", "Covers characters the source lost or garbled")
    if check == "boilerplate":
        return translate("Checks", "Lies in a boilerplate line: %1").replace(
            "%1", facts["line"][:40])
    return finding.details


def fix_text(finding: Finding) -> str:
    fix = finding.fix
    if fix is None:
        return ""
    texts = {"relabel": translate("Checks", "Relabel %1"), "add": translate("Checks", "Label %1"),
             "trim": translate("Checks", "Trim"), "delete": translate("Checks", "Delete copy")}
    return texts[fix.action].replace("%1", fix.label or "")
