"""The model in the loop, trained and measured on the hand-annotated seeds."""

import json
from pathlib import Path

from corpus.preparing import prepare
from corpus.resources import seeds_dir
from corpus.suggest.crf import CrfModel, Rejection, bio, f1, features, rejection_sequence

GOLD = Path(__file__).resolve().parents[2] / "fixtures" / "gold"


def gold(seed: str) -> tuple[str, set]:
    text = prepare(next(seeds_dir().glob(seed + "*")))[0].document.text
    spans = set()
    for kind in ("metrics", "slogans"):
        data = json.loads((GOLD / f"{kind}_{seed}.json").read_text(encoding="utf-8"))
        spans |= {(s, e, data["label"]) for s, e, _t in data["spans"]}
    return text, spans


def test_bio_keeps_the_longer_of_overlapping_spans():
    assert bio(5, [(0, 2, "A"), (1, 5, "B")]) == ["O", "B-B", "I-B", "I-B", "I-B"]


def test_trained_on_one_seed_it_finds_metrics_and_slogans_in_the_other(tmp_path):
    train_text, train_spans = gold("000")
    test_text, test_spans = gold("001")
    model = CrfModel(tmp_path)
    assert model.train([(train_text, sorted(train_spans))])
    predicted = {(s.start, s.end, s.label) for s in model.suggest(test_text)}
    precision, recall, score = f1(test_spans, predicted)
    print(f"CRF on seed 001 after training on seed 000: P={precision:.2f} R={recall:.2f} "
          f"F1={score:.2f}")
    assert score > 0.3  # a real signal from one article of training data
    assert all(0.5 <= s.score <= 1 and test_text[s.start:s.end] == s.text
               for s in model.suggest(test_text))


def test_nothing_to_learn_from_is_not_a_model(tmp_path):
    model = CrfModel(tmp_path)
    assert not model.train([("没有标注的文本", [])])
    assert model.suggest("任何文本") == []


def test_a_rejected_range_is_o_unless_a_span_overlaps_it():
    text = "打造“五型”机关，完成90%以上。"
    rows, tags = rejection_sequence(Rejection(text, 3, 5, []))
    assert tags == ["O", "O"] and rows == features(text)[3:5]  # features in their context
    start = text.index("90%")
    rows, tags = rejection_sequence(Rejection(text, start, start + 3,
                                              [(start, start + 5, "METRIC")]))
    assert tags == ["B-METRIC"] + ["I-METRIC"] * 4  # widened to the span put there instead
    assert rows == features(text)[start:start + 5]


def test_a_rejected_suggestion_is_not_suggested_again_after_training(tmp_path):
    train_text, train_spans = gold("000")
    test_text, test_spans = gold("001")
    before = CrfModel(tmp_path / "before")
    before.train([(train_text, sorted(train_spans))])
    # A wrong suggestion of the model on the other seed (a quoted word it takes for a slogan,
    # say): the one the annotator rejects.
    wrong = [s for s in before.suggest(test_text)
             if (s.start, s.end, s.label) not in set(test_spans)]
    assert wrong
    rejected = wrong[0]
    after = CrfModel(tmp_path / "after")
    after.train([(train_text, sorted(train_spans))],
                rejections=[Rejection(test_text, rejected.start, rejected.end, [])])
    assert (rejected.start, rejected.end, rejected.label) not in {
        (s.start, s.end, s.label) for s in after.suggest(test_text)}
