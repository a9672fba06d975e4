"""What the project keeps of the slow parts of suggesting: jieba's part-of-speech tags
per document, and the trained model."""

import pytest

from corpus.preparing import prepare
from corpus.resources import seeds_dir
from corpus.suggest.entities import EntitySuggester, from_pos
from corpus.text.tokenizer import Tokenizer
from storage.project import Project
from tests.conftest import label_counts_done, new_document


class CountingTokenizer:
    """The real tokenizer, counting how often its tagger runs."""

    def __init__(self, tokenizer: Tokenizer, key: str | None = None) -> None:
        self.tokenizer, self.key, self.calls = tokenizer, key or tokenizer.key, 0

    def pos(self, text: str):
        self.calls += 1
        return self.tokenizer.pos(text)


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory) -> Tokenizer:
    return Tokenizer(tmp_path_factory.mktemp("jieba")).initialize()


def test_pos_tags_are_computed_once_per_document_and_tokenizer(tmp_path, tokenizer):
    seed = prepare(next(seeds_dir().glob("004_*")))[0].document.text
    path = tmp_path / "p.hanmark"
    counting = CountingTokenizer(tokenizer)
    with Project.create(path) as project:
        document = project.add_document(new_document(seed, "004.txt"))
        tags = project.pos_tags(document, counting)
        assert tags == tokenizer.pos(seed) and counting.calls == 1
    with Project.open(path) as project:  # reopened: from the cache
        cached = project.pos_tags(document, counting)
        assert counting.calls == 1 and cached == tags
        assert from_pos(seed, cached) == EntitySuggester(tokenizer).suggest(seed)
        other = CountingTokenizer(tokenizer, key="another dictionary")
        project.pos_tags(document, other)
        assert other.calls == 1  # tags of another tokenizer key are not used


def test_a_new_word_invalidates_only_the_documents_that_contain_it(tmp_path, tokenizer):
    counting = CountingTokenizer(tokenizer)
    with Project.create(tmp_path / "w.hanmark") as project:
        one = project.add_document(new_document("平原县委书记王玉东在王庙镇调研。", "a.txt"))
        two = project.add_document(new_document("德州市审计局召开会议。", "b.txt"))
        project.pos_tags(one, counting)
        project.pos_tags(two, counting)
        assert project.change_word("王庙镇", add=True) == [one]
        assert project.cached_pos(one, tokenizer.key) is None
        assert project.cached_pos(two, tokenizer.key) is not None  # carried forward
        revision = project.words_revision
        project.store_pos(one, tokenizer.key, [(0, 16, "x")], revision - 1)  # stale: dropped
        assert project.cached_pos(one, tokenizer.key) is None


def test_tags_that_do_not_cover_the_text_in_order_are_refused(tmp_path):
    with Project.create(tmp_path / "r.hanmark") as project:
        document = project.add_document(new_document("平原县委", "a.txt"))
        with pytest.raises(ValueError):
            project.store_pos(document, "k", [(0, 2, "ns"), (3, 4, "n")], 0)


def test_a_read_only_project_computes_tags_but_keeps_nothing(tmp_path, tokenizer):
    path = tmp_path / "ro.hanmark"
    with Project.create(path) as project:
        document = project.add_document(new_document("德州市审计局召开会议。", "a.txt"))
    with Project.open(path, readonly=True) as project:
        assert project.pos_tags(document, tokenizer)
        assert project.cached_pos(document, tokenizer.key) is None


def test_the_model_is_kept_and_its_training_data_fingerprinted(tmp_path):
    texts = ["今年签约项目25个，投资665万元。", "全年完成130个项目，投入88万元。", "共有17个村。"]
    path = tmp_path / "m.hanmark"
    with Project.create(path) as project:
        ids = [project.add_document(new_document(t, f"{i}.txt")) for i, t in enumerate(texts)]
        label_counts_done(project, ids[0], texts[0], "a")
        before = project.training_data()
        assert project.training_data() == before  # the same data, the same fingerprint
        project.store_model(b"one", documents=1, held_out_f1=None, training_data=before)
        project.store_model(b"two", documents=1, held_out_f1=0.75, training_data=before,
                            annotator="a")
        label_counts_done(project, ids[1], texts[1], "b")
        assert project.training_data() != before          # one more done document
        assert project.training_data("a") == before        # but not done by a
    with Project.open(path, readonly=True) as project:
        kept = project.stored_model()
        assert (kept.data, kept.held_out_f1, kept.annotator) == (b"two", 0.75, "a")
        assert project.db.execute("SELECT count(*) FROM models").fetchone()[0] == 1


def test_editing_a_span_in_a_done_document_changes_the_training_data(tmp_path):
    text = "今年签约项目25个，投资665万元。"
    with Project.create(tmp_path / "e.hanmark") as project:
        document = project.add_document(new_document(text, "a.txt"))
        other = project.add_document(new_document("共有17个村。", "b.txt"))
        label_counts_done(project, document, text, "a")
        before = project.training_data()
        project.add_span(other, 2, 5, "METRIC", annotator="a")   # not done: not learnt from
        assert project.training_data() == before
        first = project.spans(document)[0]
        project.relabel_span(first.id, "ORG")
        relabelled = project.training_data()
        assert relabelled != before
        project.delete_span(first.id)
        assert project.training_data() not in (before, relabelled)


def test_a_rejection_changes_the_training_data(tmp_path):
    from corpus.suggest.model import Suggestion

    with Project.create(tmp_path / "r.hanmark") as project:
        document = project.add_document(new_document("共有17个村。", "a.txt"))
        project.store_suggestions(document, [Suggestion(2, 5, "METRIC", "model", "17个")])
        before = project.training_data()
        project.decide_suggestion(project.suggestions(document)[0][0], "rejected")
        assert project.training_data() != before
