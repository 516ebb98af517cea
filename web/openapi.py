"""The OpenAPI 3.1 description of ``/api/v1``, kept beside the code it describes."""

from __future__ import annotations

from typing import Any

from analysis.topics import REQUEST_TYPES

_nullable_string = {"type": ["string", "null"]}
_nullable_time = {"type": ["string", "null"], "format": "date-time"}

ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "id",
        "source",
        "external_id",
        "title",
        "url",
        "published_at",
        "sentiment",
        "topic",
        "tags",
        "request_type",
        "urgency",
        "urgency_reasons",
        "corrected",
        "event_id",
        "offices",
    ],
    "properties": {
        "id": {"type": "integer"},
        "source": {"type": "string", "description": "来源代码，如 people_liuyan"},
        "source_name": {"type": "string", "description": "来源名称，如 人民网领导留言板"},
        "external_id": {"type": "string", "description": "来源站点上的编号"},
        "kind": {"type": "string", "enum": ["message", "post", "comment", "work_order"]},
        "title": _nullable_string,
        "url": _nullable_string,
        "published_at": _nullable_time,
        "first_seen_at": _nullable_time,
        "triage_status": {"type": "string", "description": "分拣状态：new / routed / …"},
        "sentiment": {
            "type": ["object", "null"],
            "properties": {
                "score": {"type": ["number", "null"], "description": "模型的情感得分（越高越正面）"},
                "label": {"type": "string", "enum": ["neg", "neu", "pos"], "description": "含人工更正"},
            },
        },
        "topic": _nullable_string,
        "tags": {"type": "array", "items": {"type": "string"}},
        "request_type": {"type": ["string", "null"], "enum": [*REQUEST_TYPES, None]},
        "urgency": {"type": ["integer", "null"], "minimum": 1, "maximum": 4, "description": "4 特急 … 1 较低"},
        "urgency_reasons": {"type": "array", "items": {}},
        "corrected": {
            "type": "object",
            "description": (
                "人工更正过的字段及其最新更正值；sentiment.label、topic、request_type、urgency 均已采用更正值"
            ),
            "properties": {
                "sentiment": {"type": "string", "enum": ["neg", "neu", "pos"]},
                "topic": {"type": "string"},
                "request_type": {"type": "string", "enum": list(REQUEST_TYPES)},
                "urgency": {"type": "integer", "minimum": 1, "maximum": 4},
            },
            "additionalProperties": False,
        },
        "model": {
            "type": ["object", "null"],
            "description": "模型的原始研判（未经人工更正）；尚未研判时为 null",
            "properties": {
                "version": {"type": "string"},
                "sentiment": {"type": "string", "enum": ["neg", "neu", "pos"]},
                "topic": {"type": "string"},
                "request_type": {"type": "string"},
                "urgency": {"type": "integer", "minimum": 1, "maximum": 4},
            },
        },
        "event_id": {"type": ["integer", "null"]},
        "offices": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "role", "due_at", "status"],
                "properties": {
                    "name": {"type": "string"},
                    "role": {"type": "string", "enum": ["主办", "协办"]},
                    "due_at": _nullable_time,
                    "status": {"type": "string", "enum": ["open", "acknowledged", "responded", "closed"]},
                },
            },
        },
    },
}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}, "status": {"type": "integer"}},
}


def _query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def openapi_document(server_url: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "yuqing 舆情监测 API",
            "version": "1",
            "description": "天津市住房和城乡建设委员会舆情监测服务的只读接口。",
        },
        "servers": [{"url": server_url}],
        "security": [{"bearerAuth": []}, {"cookieAuth": []}],
        "paths": {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "summary": "分拣队列：按紧急程度从高到低、再按发布时间从新到旧",
                    "parameters": [
                        _query("page", {"type": "integer", "minimum": 1, "default": 1}, "页码"),
                        _query("per_page", {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}, "每页"),
                        _query("urgency", {"type": "integer", "minimum": 1, "maximum": 4}, "紧急程度"),
                        _query("topic", {"type": "string"}, "一级主题"),
                        _query("office", {"type": "string"}, "分派处室"),
                        _query("status", {"type": "string"}, "分拣状态"),
                    ],
                    "responses": {
                        "200": {
                            "description": "一页条目",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                                            "page": {"type": "integer"},
                                            "per_page": {"type": "integer"},
                                            "total": {"type": "integer"},
                                            "pages": {"type": "integer"},
                                        },
                                    }
                                }
                            },
                        },
                        "401": {
                            "description": "未登录或令牌无效",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        },
                    },
                }
            }
        },
        "components": {
            "schemas": {"Item": ITEM_SCHEMA, "Error": ERROR_SCHEMA},
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "description": "个人访问令牌（yq_…）"},
                "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "yuqing_session"},
            },
        },
    }
