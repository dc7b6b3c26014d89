"""Issue 22's limits: bounded error bodies, chunked bodies over the limit, the time budget, batch ids."""

from __future__ import annotations

import io
import json
import time

import pytest

from copydesk.api import create_app
from tests.conftest import PROBLEM_JSON, ContractClient

# The bounds the README and openapi.yaml state (api/errors.py holds them; checked below).
MAX_PROBLEM_BYTES = 64 * 1024
MAX_ERROR_FIELDS = 10

TEXT = "The council said on Monday that repairs would cost $4.2 million."
NDJSON = "application/x-ndjson"


def make_client(**config):
    app = create_app({"TESTING": True, **config})
    app.test_client_class = ContractClient
    return app.test_client()


def assert_bounded_problem(response, status=422):
    assert response.status_code == status
    assert response.mimetype == PROBLEM_JSON
    assert len(response.get_data()) <= MAX_PROBLEM_BYTES, len(response.get_data())
    return response.get_json()


# --- finding 4: error amplification ------------------------------------------------------


def test_the_stated_bounds_are_the_ones_applied():
    from copydesk.api import errors

    assert (errors.MAX_PROBLEM_BYTES, errors.MAX_ERROR_FIELDS) == (MAX_PROBLEM_BYTES, MAX_ERROR_FIELDS)


def test_two_megabytes_of_unknown_rule_ids_get_one_short_message(client):
    # today: one ~600-character message per id, a 301 MB answer to a 2 MB body
    ids = [f"no.rule-{n}" for n in range(125_000)]
    body = json.dumps({"text": TEXT, "options": {"disabled_rules": ids}}, separators=(",", ":"))
    assert 1_900_000 < len(body) <= 2 * 1024 * 1024
    problem = assert_bounded_problem(client.post("/v1/analyze", data=body, content_type="application/json"))
    assert len(json.dumps(problem)) < 2_000
    (message,) = problem["errors"]["options.disabled_rules"]
    assert "'no.rule-0'" in message and "124,995 more" in message and "vague.anonymous" in message


def test_a_query_string_of_unknown_rule_ids_gets_one_short_message(client):
    # today: a 3.8 KB query string answered 1.08 MB
    query = "disabled_rules=" + ",".join("x" * 3 for _ in range(950))
    response = client.post(f"/v1/analyze?{query}", data=TEXT, content_type="text/plain")
    assert len(assert_bounded_problem(response).get("errors", {})) == 1
    assert len(response.get_data()) < 2_000


def test_non_string_rule_ids_get_one_message_not_one_each(client):
    problem = assert_bounded_problem(client.post("/v1/analyze", json={"text": TEXT, "options": {"disabled_rules": [1] * 300_000}}))
    assert problem["errors"] == {"options.disabled_rules": ["Rule ids are strings; item 0 is not (nor are 299,999 more)."]}


def test_echoed_values_are_cut(client):
    long_id = "r" * 100_000
    problem = assert_bounded_problem(client.post("/v1/analyze", json={"text": TEXT, "options": {"disabled_rules": [long_id]}}))
    assert len(problem["errors"]["options.disabled_rules"][0]) < 1_000


@pytest.mark.parametrize(("key", "count"), [("k{}", 20_000), ("\u0001" * 50 + "{}", 5_000), ("{}" + "é" * 300, 1_000)], ids=["short", "control", "non-ascii"])
def test_many_unknown_fields_are_counted_not_listed(client, key, count):
    fields = {key.format(n): 1 for n in range(count)}
    problem = assert_bounded_problem(client.post("/v1/analyze", json={"text": TEXT, **fields}))
    assert len(problem.get("errors", {})) <= MAX_ERROR_FIELDS
    assert problem["errors_omitted"] >= count - MAX_ERROR_FIELDS
    assert "more" in problem["detail"]


def test_many_repeated_query_parameters_are_bounded(client):
    query = "&".join(f"p{n}=1&p{n}=2" for n in range(2_000))
    assert_bounded_problem(client.post(f"/v1/analyze?{query}", data=TEXT, content_type="text/plain"))


def test_a_huge_path_and_content_type_are_not_echoed_whole(client):
    response = client.get("/" + "x" * 200_000)
    assert_bounded_problem(response, 404)
    response = client.post("/v1/analyze", data=TEXT, content_type="application/" + "y" * 100_000)
    assert_bounded_problem(response, 415)


def test_each_batch_item_problem_is_bounded(client):
    item = {"text": TEXT, "options": {"disabled_rules": [f"bad-{n}" for n in range(20_000)]}}
    response = client.post("/v1/analyze/batch", json=[item, item])
    assert response.status_code == 200
    assert len(response.get_data()) < 2 * 2_000


# --- finding 5: chunked bodies over the limit are refused, not cut ------------------------


def chunked_environ(body: bytes, content_type: str) -> dict:
    """What gunicorn hands the app for a chunked body: no CONTENT_LENGTH, a stream it ends itself."""
    return {"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True, "CONTENT_TYPE": content_type}


@pytest.mark.parametrize("content_type", [NDJSON, "text/plain"])
def test_a_chunked_body_over_the_limit_gets_413(content_type):
    client = make_client(MAX_CONTENT_LENGTH=1_000)
    body = b"".join(json.dumps({"id": n, "text": TEXT}).encode() + b"\n" for n in range(30))
    assert len(body) > 1_000
    path = "/v1/analyze/batch" if content_type == NDJSON else "/v1/analyze"
    # today: werkzeug stops at the limit and the view gets the first items only (a 200)
    response = client.post(path, environ_overrides=chunked_environ(body, content_type), content_type=content_type)
    assert response.status_code == 413
    assert response.get_json()["type"] == "urn:copydesk:problem:body-too-large"
    assert response.get_json()["limit"] == 1_000


def test_a_chunked_body_exactly_at_the_limit_is_read_whole():
    line = json.dumps({"text": TEXT}).encode() + b"\n"
    body = line * 5
    client = make_client(MAX_CONTENT_LENGTH=len(body))
    response = client.post("/v1/analyze/batch", environ_overrides=chunked_environ(body, NDJSON), content_type=NDJSON)
    assert response.status_code == 200
    assert len(response.get_data(as_text=True).splitlines()) == 5


# --- the time budget ---------------------------------------------------------------------


def test_an_analysis_past_its_budget_is_a_422_naming_the_limit():
    client = make_client(TIME_BUDGET=1e-9)
    problem = client.post("/v1/analyze", json={"text": TEXT}).get_json()
    assert problem["status"] == 422
    assert problem["type"] == "urn:copydesk:problem:time-budget-exceeded"
    assert problem["limit"] == 1e-9
    assert "COPYDESK_TIME_BUDGET" in problem["detail"]


@pytest.mark.parametrize("content_type", ["application/json", NDJSON])
def test_a_batch_past_its_budget_answers_every_item_and_ends(content_type, monkeypatch):
    # finding 6: a batch that outlives the worker timeout lost its items to the killed worker;
    # with the budget, the items not started get their own 422 and the answer is complete
    from copydesk import api
    import copydesk.api.batch

    analyze_body = api.batch.analyze_body

    def slow_analyze_body(*args, **kwargs):
        time.sleep(0.2)  # each item takes 0.2 s: a 0.5 s budget lasts two or three of six
        return analyze_body(*args, **kwargs)

    monkeypatch.setattr(api.batch, "analyze_body", slow_analyze_body)
    client = make_client(TIME_BUDGET=0.5)
    items = [{"id": n, "text": TEXT} for n in range(6)]
    if content_type == NDJSON:
        response = client.post("/v1/analyze/batch", data="".join(json.dumps(i) + "\n" for i in items), content_type=NDJSON)
        answers = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    else:
        response = client.post("/v1/analyze/batch", json=items)
        body = response.get_json()
        answers = body["items"]
        assert body["succeeded"] + body["failed"] == 6
    assert response.status_code == 200
    statuses = [a["status"] for a in answers]
    assert len(statuses) == 6 and statuses[0] == 200 and statuses[-1] == 422
    assert statuses == sorted(statuses)
    assert answers[-1]["problem"]["type"] == "urn:copydesk:problem:time-budget-exceeded"


def test_the_library_checks_the_deadline_between_stages():
    from copydesk import scoring
    from copydesk.scoring.errors import TimeBudgetExceededError

    with pytest.raises(TimeBudgetExceededError):
        scoring.analyze(TEXT, deadline=time.monotonic() - 1)
    assert scoring.analyze(TEXT, deadline=time.monotonic() + 60).claims.total >= 1


# --- finding 10: integer ids ---------------------------------------------------------------


@pytest.mark.parametrize("given", [10**4000, 2**53, -(2**53)], ids=["4001-digits", "2**53", "-2**53"])
def test_an_integer_id_out_of_the_safe_range_is_refused(client, given):
    body = json.dumps([{"id": given, "text": TEXT}])
    answer = client.post("/v1/analyze/batch", data=body, content_type="application/json").get_json()["items"][0]
    assert answer["status"] == 422 and "id" in answer["problem"]["errors"]
    assert answer["id"] == "0"
    assert len(json.dumps(answer)) < 1_000


def test_an_integer_id_in_the_safe_range_names_its_item(client):
    answer = client.post("/v1/analyze/batch", json=[{"id": 2**53 - 1, "text": TEXT}]).get_json()["items"][0]
    assert answer == {**answer, "id": str(2**53 - 1), "status": 200}


# --- batches answered item by item (finding 7) --------------------------------------------


def test_what_orjson_refuses_in_a_batch_answer_is_written_as_escaped_json():
    from copydesk.api.batch import _encode

    # a lone surrogate has no UTF-8 form: orjson refuses it, the stdlib escapes it
    encoded = _encode({"id": "s", "text": "odd \ud800 text", "n": 2**70})
    assert json.loads(encoded.decode("ascii")) == {"id": "s", "text": "odd \ud800 text", "n": 2**70}


@pytest.mark.parametrize(("items", "variable"), [(4, "COPYDESK_BATCH_MAX_ITEMS"), (2, "COPYDESK_BATCH_MAX_CHARS")])
def test_a_batch_over_its_work_limits_is_refused_up_front_naming_the_limit(items, variable):
    client = make_client(BATCH_MAX_ITEMS=3, BATCH_MAX_CHARS=100)
    problem = client.post("/v1/analyze/batch", json=[{"text": TEXT}] * items).get_json()
    assert problem["status"] == 413 and problem["type"] == "urn:copydesk:problem:batch-too-large"
    assert variable in problem["detail"]
