import orjson

from storage.project import Project
from tests.conftest import run_hanmark


def test_suggest_writes_jsonl_and_applies_once(tmp_path):
    project = tmp_path / "s.hanmark"
    assert run_hanmark("sample", str(project)).returncode == 0
    out = tmp_path / "建议.jsonl"
    result = run_hanmark("suggest", str(project), "-o", str(out),
                         "--suggesters", "metrics,slogans")
    assert result.returncode == 0, result.stderr
    assert "metrics:" in result.stdout and "slogans:" in result.stdout
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == 5
    labels = {label for r in records for _s, _e, label in r["label"]}
    assert labels == {"METRIC", "SLOGAN"}
    for record in records:
        for (start, end, label), detail in zip(record["label"], record["suggestions"]):
            assert detail["start"] == start and detail["label"] == label
            assert detail["source"] in ("metrics", "slogans")
    metric = next(d for r in records for d in r["suggestions"] if d["source"] == "metrics")
    assert "value" in metric["attributes"]

    applied = run_hanmark("suggest", str(project), "--apply", "--suggesters", "metrics,slogans")
    assert applied.returncode == 0 and "stored" in applied.stdout
    with Project.open(project, readonly=True) as opened:
        assert sum(len(opened.suggestions(d)) for d in opened.document_ids()) > 0
    again = run_hanmark("suggest", str(project), "--apply", "--suggesters", "metrics,slogans")
    assert "stored 0 new suggestions" in again.stdout


def test_unknown_suggester_is_one_line_and_exit_1(tmp_path):
    project = tmp_path / "s.hanmark"
    run_hanmark("new", str(project))
    result = run_hanmark("suggest", str(project), "--suggesters", "crystal-ball")
    assert result.returncode == 1
    assert "no suggester 'crystal-ball'" in result.stderr


def test_entities_come_from_jieba_tags(tmp_path):
    from tests.conftest import new_document

    project = tmp_path / "e.hanmark"
    with Project.create(project) as created:
        created.add_document(new_document("平原县委书记王玉东介绍，德州市审计局在王庙镇调研。", "a.txt"))
    out = tmp_path / "e.jsonl"
    result = run_hanmark("suggest", str(project), "--suggesters", "entities", "-o", str(out))
    assert result.returncode == 0, result.stderr
    record = orjson.loads(out.read_bytes())
    found = {(record["text"][s:e], label) for s, e, label in record["label"]}
    assert {("王玉东", "PER"), ("德州市审计局", "ORG"), ("王庙镇", "LOC")} <= found


def test_the_model_learns_from_done_documents(tmp_path):
    from tests.conftest import label_counts_done, new_document

    project = tmp_path / "m.hanmark"
    with Project.create(project) as created:
        texts = ["今年签约项目25个，投资665万元。", "全年完成130个项目，投入88万元。",
                 "共有17个村，筹资42万元。"]
        ids = [created.add_document(new_document(t, f"{i}.txt")) for i, t in enumerate(texts)]
        for document_id, text in zip(ids[:2], texts[:2]):
            label_counts_done(created, document_id, text, "a")
    nothing = tmp_path / "empty.hanmark"
    Project.create(nothing).close()
    refused = run_hanmark("suggest", str(nothing), "--suggesters", "model")
    assert refused.returncode == 1 and "nothing to learn" in refused.stderr
    out = tmp_path / "m.jsonl"
    result = run_hanmark("suggest", str(project), "--suggesters", "model", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "trained on 2 done documents" in result.stdout
    third = [orjson.loads(line) for line in out.read_bytes().splitlines()][2]
    assert [third["text"][s:e] for s, e, _label in third["label"]] == ["17个", "42万元"]
    assert all(0.5 <= d["score"] <= 1 and d["source"] == "model" for d in third["suggestions"])


def test_stored_suggestions_go_to_label_studio_as_predictions(tmp_path):
    project = tmp_path / "s.hanmark"
    run_hanmark("sample", str(project))
    run_hanmark("suggest", str(project), "--apply", "--suggesters", "metrics,slogans")
    out = tmp_path / "ls.json"
    result = run_hanmark("export", str(project), "--format", "labelstudio", "--as-predictions",
                         "-o", str(out))
    assert result.returncode == 0, result.stderr
    tasks = orjson.loads(out.read_bytes())
    results = [r for task in tasks for p in task["predictions"] for r in p["result"]]
    assert results and not any(task.get("annotations") for task in tasks)
    labels = {label for r in results for label in r["value"]["labels"]}
    assert labels == {"METRIC", "SLOGAN"}
    first = tasks[0]
    for r in first["predictions"][0]["result"]:
        value = r["value"]
        assert first["data"]["text"][value["start"]:value["end"]] == value["text"]


def test_the_model_is_kept_in_the_project_and_reused_until_more_is_done(tmp_path):
    from tests.conftest import label_counts_done, new_document

    project = tmp_path / "k.hanmark"
    texts = ["今年签约项目25个，投资665万元。", "全年完成130个项目，投入88万元。",
             "去年新建31个站点，花费19万元。", "共有17个村，筹资42万元。"]
    with Project.create(project) as created:
        ids = [created.add_document(new_document(t, f"{i}.txt")) for i, t in enumerate(texts)]
        for document_id, text in zip(ids[:2], texts[:2]):
            label_counts_done(created, document_id, text, "a")
    first = run_hanmark("suggest", str(project), "--suggesters", "model", "-o",
                        str(tmp_path / "1.jsonl"))
    assert first.returncode == 0, first.stderr
    assert "trained on 2 done documents, held-out F1" in first.stdout
    again = run_hanmark("suggest", str(project), "--suggesters", "model", "-o",
                        str(tmp_path / "2.jsonl"))
    assert "the project's model" in again.stdout and "trained on 2" in again.stdout
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()
    forced = run_hanmark("suggest", str(project), "--suggesters", "model", "--retrain")
    assert "trained on 2 done documents" in forced.stdout
    with Project.open(project) as opened:
        label_counts_done(opened, ids[2], texts[2], "a")
    more = run_hanmark("suggest", str(project), "--suggesters", "model")
    assert "trained on 3 done documents" in more.stdout
    with Project.open(project, readonly=True) as opened:
        assert opened.stored_model().documents == 3
    with Project.open(project) as opened:       # an edit in a done document: train again
        opened.delete_span(opened.spans(ids[0])[0].id)
    edited = run_hanmark("suggest", str(project), "--suggesters", "model")
    assert "the project's model" not in edited.stdout
    assert "trained on 3 done documents, held-out F1" in edited.stdout


def test_entity_tags_are_cached_in_the_project(tmp_path):
    from tests.conftest import new_document

    project = tmp_path / "c.hanmark"
    text = "平原县委书记王玉东介绍，德州市审计局在王庙镇调研。"
    with Project.create(project) as created:
        created.add_document(new_document(text, "a.txt"))
    assert run_hanmark("suggest", str(project), "--suggesters", "entities").returncode == 0
    with Project.open(project) as opened:  # doctor the cache: 介绍 tagged a place name
        key = opened.db.execute("SELECT tokenizer FROM pos_tags").fetchone()[0]
        doctored = " ".join("ns" if text[s:e] == "介绍" else flag
                            for s, e, flag in opened.cached_pos(1, key))
        opened.db.execute("UPDATE pos_tags SET flags = ?", [doctored])
        opened.db.conn.commit()
    out = tmp_path / "c.jsonl"
    run_hanmark("suggest", str(project), "--suggesters", "entities", "-o", str(out))
    record = orjson.loads(out.read_bytes())
    assert ("介绍", "LOC") in {(text[s:e], label) for s, e, label in record["label"]}


def test_a_slogan_quoted_in_one_document_is_suggested_unquoted_in_another(tmp_path):
    """The guidelines: an unquoted headline slogan that occurs quoted elsewhere in the
    corpus.  Stored with --apply, the quoted one also reaches the window's runs."""
    from tests.conftest import new_document

    project = tmp_path / "c.hanmark"
    quoted = "全县上下深入开展“拉高标杆争一流”活动，各项指标稳中有进。"
    headline = "拉高标杆争一流 齐心协力开新局\n今年以来，全县经济运行总体平稳。"
    with Project.create(project) as created:
        first = created.add_document(new_document(quoted, "a.txt"))
        second = created.add_document(new_document(headline, "b.txt"))
    applied = run_hanmark("suggest", str(project), "--apply", "--suggesters", "slogans")
    assert applied.returncode == 0, applied.stderr
    with Project.open(project, readonly=True) as opened:
        echoed = [(s.start, s.end, s.text) for _id, s in opened.suggestions(second)]
        assert (0, 7, "拉高标杆争一流") in echoed
        assert opened.known_slogans() == ["拉高标杆争一流"]   # the echo itself is not counted
        assert all(s.attributes["quoted"] for _id, s in opened.suggestions(first))


def test_a_rejected_quoted_slogan_echoes_no_more(tmp_path):
    from tests.conftest import new_document

    path = tmp_path / "r.hanmark"
    with Project.create(path) as project:
        doc = project.add_document(new_document("开展“拉高标杆争一流”活动。", "a.txt"))
        assert run_hanmark("suggest", str(path), "--apply", "--suggesters",
                           "slogans").returncode == 0
    with Project.open(path) as project:
        assert project.known_slogans() == ["拉高标杆争一流"]
        suggestion_id, _suggestion = project.suggestions(doc)[0]
        project.decide_suggestion(suggestion_id, "rejected")
        assert project.known_slogans() == []
