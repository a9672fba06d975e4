from storage.project import Project
from tests.conftest import new_document


def test_tokens_are_cached_per_tokenizer_and_revision(tmp_path):
    path = tmp_path / "t.hanmark"
    with Project.create(path) as project:
        one = project.add_document(new_document("五型机关建设", "a.txt"))
        two = project.add_document(new_document("德州市审计局", "b.txt"))
        revision = project.words_revision
        project.store_tokens(one, "k1", [2, 4, 6], revision)
        project.store_tokens(two, "k1", [3, 6], revision)
        assert project.cached_tokens(one, "k1") == [2, 4, 6]
        assert project.cached_tokens(one, "k2") is None  # another tokenizer or dictionary

        affected = project.change_word("五型机关", add=True)
        assert affected == [one] and project.user_words() == ["五型机关"]
        assert project.cached_tokens(one, "k1") is None   # contains the word: tokenize again
        assert project.cached_tokens(two, "k1") == [3, 6]  # does not: carried forward
        project.store_tokens(one, "k1", [4, 6], revision)  # computed before the change: dropped
        assert project.cached_tokens(one, "k1") is None
        assert project.change_word("五型机关", add=False) == [one]
        assert project.user_words() == []
    with Project.open(path) as project:  # survives reopening
        assert project.cached_tokens(two, "k1") == [3, 6]
