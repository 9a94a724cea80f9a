from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_is_served_at_the_documented_url(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Hookline API"
    assert {"/api/v1/suggest", "/api/v1/score"} <= set(schema["paths"])


def test_the_openapi_schema_validates():
    validator = pytest.importorskip("openapi_spec_validator", reason="pip install openapi-spec-validator")
    from django.test import Client

    schema = Client().get("/api/v1/openapi.json").json()
    validator.validate(schema)


def test_the_schema_documents_bearer_auth_and_error_responses(client):
    schema = client.get("/api/v1/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    responses = schema["paths"]["/api/v1/score"]["post"]["responses"]
    assert set(responses) == {"200", "400", "401", "422", "429"}


def test_the_schema_documents_the_evidence_switch_and_the_answer(client):
    schema = client.get("/api/v1/openapi.json").json()
    evidence = schema["components"]["schemas"]["SuggestIn"]["properties"]["evidence"]
    assert evidence["type"] == "boolean" and evidence["default"] is True
    ok = schema["paths"]["/api/v1/suggest"]["post"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/SuggestOut")
