import pytest

from corpus.suggest.model import Suggestion
from storage.errors import RecordRejected
from storage.project import Project
from tests.conftest import new_document

TEXT = "新签约项目25个，投资665万元，打造“五型”机关。"


def suggestion(text, label, source="rules"):
    start = TEXT.index(text)
    return Suggestion(start, start + len(text), label, source, text, attributes={"n": 1})


def test_suggestions_are_stored_once_and_decisions_are_remembered(tmp_path):
    with Project.create(tmp_path / "s.hanmark") as project:
        document = project.add_document(new_document(TEXT, "a.txt"))
        found = [suggestion("25个", "METRIC"), suggestion("665万元", "METRIC"),
                 suggestion("五型", "SLOGAN")]
        assert project.store_suggestions(document, found) == 3
        assert project.store_suggestions(document, found) == 0  # nothing new
        (first_id, first), *_ = project.suggestions(document)
        assert first.text == "25个" and first.attributes == {"n": 1}
        project.decide_suggestion(first_id, "rejected")
        assert project.store_suggestions(document, found) == 0  # never offered again
        assert [s.text for _, s in project.suggestions(document)] == ["665万元", "五型"]
        assert [s.text for _, s in project.suggestions(document, "rejected")] == ["25个"]


def test_no_suggestion_where_the_span_already_is(tmp_path):
    with Project.create(tmp_path / "s.hanmark") as project:
        document = project.add_document(new_document(TEXT, "a.txt"))
        start = TEXT.index("五型")
        project.add_span(document, start, start + 2, "SLOGAN", annotator="a")
        assert project.store_suggestions(document, [suggestion("五型", "SLOGAN")]) == 0


def test_a_suggestion_that_does_not_fit_is_refused(tmp_path):
    with Project.create(tmp_path / "s.hanmark") as project:
        document = project.add_document(new_document(TEXT, "a.txt"))
        bad = Suggestion(0, 2, "METRIC", "rules", "xx")
        with pytest.raises(RecordRejected):
            project.store_suggestions(document, [bad])


def test_other_occurrences_across_the_project_become_suggestions(tmp_path):
    with Project.create(tmp_path / "s.hanmark") as project:
        one = project.add_document(new_document("德州市审计局召开会议。德州市审计局表示……", "a.txt"))
        two = project.add_document(new_document("省里表扬了德州市审计局。", "b.txt"))
        project.add_document(new_document("无关的文档。", "c.txt"))
        project.add_span(one, 0, 6, "ORG", annotator="a")
        found = project.suggest_occurrences("德州市审计局", "ORG")
        assert [(d, s.start) for _i, d, s in found] == [(one, 11), (two, 5)]
        assert all(s.source == "occurrences" and s.label == "ORG" for _i, _d, s in found)
        assert len(project.suggest_occurrences("德州市审计局", "ORG")) == 2  # not doubled


def test_suggest_settings_live_in_the_project(tmp_path):
    from corpus.suggest.settings import SuggestSettings, rule_suggesters

    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        assert project.suggest_settings() == SuggestSettings()
        settings = SuggestSettings(enabled=["metrics", "gazetteer"], dates_are_metrics=True,
                                   gazetteer={"德州市审计局": "ORG"})
        project.set_suggest_settings(settings)
    with Project.open(path) as project:
        settings = project.suggest_settings()
    assert settings.dates_are_metrics and settings.gazetteer == {"德州市审计局": "ORG"}
    names = [s.name for s in rule_suggesters(settings)]
    assert names == ["metrics", "gazetteer"]
    found = [(s.text, s.label, s.source) for g in rule_suggesters(settings)
             for s in g.suggest("2021年，德州市审计局查出665万元。")]
    assert ("德州市审计局", "ORG", "gazetteer") in found
    assert ("2021年", "METRIC", "metrics") in found  # dates count when the project says so


def test_rejections_in_unfinished_documents_teach_the_model(tmp_path):
    from corpus.suggest.crf import CrfModel
    from tests.corpus.suggest.test_crf import gold

    train_text, train_spans = gold("000")
    test_text, _spans = gold("001")
    with Project.create(tmp_path / "r.hanmark") as project:
        done = project.add_document(new_document(train_text, "000.txt"))
        for start, end, label in sorted(train_spans):
            project.add_span(done, start, end, label, annotator="a")
        project.set_status(done, "a", "done")
        unfinished = project.add_document(new_document(test_text, "001.txt"))
        model = CrfModel(tmp_path / "one")
        model.train(project.training_examples("a"), rejections=project.rejections("a"))
        project.store_suggestions(unfinished, model.suggest(test_text))
        # A wrong suggestion of the model (not in the other seed's gold) is rejected.
        rejected, wrong = next((i, s) for i, s in project.suggestions(unfinished)
                               if (s.start, s.end, s.label) not in _spans)
        project.decide_suggestion(rejected, "rejected")
        rejections = project.rejections("a")
        assert [(r.start, r.end) for r in rejections] == [(wrong.start, wrong.end)]
        assert project.rejections("someone else") == rejections  # not done by them either
        again = CrfModel(tmp_path / "two")
        again.train(project.training_examples("a"), rejections=rejections)
        assert (wrong.start, wrong.end, wrong.label) not in {
            (s.start, s.end, s.label) for s in again.suggest(test_text)}
        project.set_status(unfinished, "a", "done")  # now the whole document teaches
        assert project.rejections("a") == []


def test_a_slogan_the_project_has_is_suggested_where_it_recurs_unquoted(tmp_path):
    from corpus.suggest.settings import rule_suggesters

    with Project.create(tmp_path / "k.hanmark") as project:
        first = project.add_document(new_document("号召全区“拉高标杆争一流”，打好攻坚战。", "a.txt"))
        project.add_span(first, 5, 12, "SLOGAN", annotator="a")
        project.add_span(first, 0, 2, "SLOGAN", annotator="a")       # too short to echo
        quoted = project.add_document(new_document("推行“有事好商量”机制。", "b.txt"))
        project.store_suggestions(quoted, [
            s for g in rule_suggesters(project.suggest_settings()) for s in g.suggest(
                "推行“有事好商量”机制。")])
        # a quoted slogan the suggester found counts, as the corpus's own quotation
        assert project.known_slogans() == ["拉高标杆争一流", "有事好商量"]
        project.add_span(quoted, 3, 8, "SLOGAN", annotator="b")
        assert project.known_slogans() == ["有事好商量", "拉高标杆争一流"]   # most frequent first
        text = "拉高标杆争一流 有事好商量 走在前列"
        found = [(s.text, s.attributes["pattern"])
                 for g in rule_suggesters(project.suggest_settings(), project.known_slogans())
                 for s in g.suggest(text) if s.label == "SLOGAN"]
        assert found == [("拉高标杆争一流", "echo"), ("有事好商量", "echo")]
