#!/usr/bin/env python3
"""Writes Sources/ViewfinderHTTP/Resources/openapi.json, the OpenAPI 3.1 document of Viewfinder's REST API.

Edit this script (not the JSON) and re-run it; ViewfinderHTTPTests fails when a route or a search
parameter is missing from the document.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources/ViewfinderHTTP/Resources/openapi.json"

def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}

def error(description):
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}

def json_response(description, schema, headers=None):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response

def query(name, description, schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}

def path_param(name, description, pattern):
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string", "pattern": pattern}}

SEARCH = [
    query("q", "Free text; `key:value` terms inside it are filters (e.g. `red car year:2021`).", {"type": "string"}),
    query("clip", "Natural-language text to rank by.", {"type": "string"}),
    query("clip_weight", "Weight of semantic similarity against keyword relevance.", {"type": "number", "minimum": 0, "maximum": 1}),
    query("similar", "Uid of a photo whose embedding is the query.", {"type": "string"}),
    query("min_score", "Omit results below this similarity.", {"type": "number", "minimum": -1, "maximum": 1}),
    query("order", "Result order.", {"type": "string", "enum": ["relevance", "newest", "oldest", "added", "name"]}),
    query("count", "Page size.", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 60}),
    query("offset", "Results to skip.", {"type": "integer", "minimum": 0, "default": 0}),
    query("year", "Taken in this year (UTC).", {"type": "integer"}),
    query("camera", "Camera make or model contains this text.", {"type": "string"}),
    query("album", "Member of the album with this uid.", {"type": "string"}),
    query("favorite", "Favourites only (true) or none (false).", {"type": "boolean"}),
    query("archived", "Archived photos (true) or not (false).", {"type": "boolean"}),
    query("geo", "Has a location (true) or lacks one (false).", {"type": "boolean"}),
]
PAGE_HEADERS = {
    "X-Count": {"description": "Photos in this page.", "schema": {"type": "integer"}},
    "X-Limit": {"description": "The page size asked for.", "schema": {"type": "integer"}},
    "X-Offset": {"description": "Results skipped.", "schema": {"type": "integer"}},
    "X-Notices": {"description": "Sentences for people, e.g. 'no photo matches well enough'.", "schema": {"type": "string"}},
}
PHOTO_LIST = json_response("A page of photos, best first.", {"type": "array", "items": ref("Photo")}, PAGE_HEADERS)
UID = path_param("uid", "A photo uid.", "^p[0-9a-z]{15}$")
ALBUM_UID = path_param("uid", "An album uid.", "^a[0-9a-z]{15}$")
E400, E401, E404, E413, E503 = (error("Invalid input."), error("Authentication required."), error("Not found."),
                                error("Upload too large."), error("Semantic search unavailable or too busy."))

def op(summary, responses, parameters=None, body=None, tags=None, security=True):
    operation = {"summary": summary, "responses": responses}
    if parameters:
        operation["parameters"] = parameters
    if body:
        operation["requestBody"] = body
    if not security:
        operation["security"] = []
    return operation

def json_body(schema):
    return {"required": True, "content": {"application/json": {"schema": schema}}}

paths = {
    "/api/v1/health": {"get": op("Liveness check (no auth).", {"200": json_response("Alive.", ref("Health"))}, security=False)},
    "/api/v1/openapi.json": {"get": op("This document.", {"200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}}, security=False)},
    "/api/v1/session": {
        "post": op("Log in with the admin password; sets the session cookie.", {
            "201": json_response("Logged in.", ref("Session")), "400": E400, "401": error("Wrong password."),
            "404": error("Password login is not enabled."), "429": error("Too many failed logins.")},
            body=json_body(ref("Login")), security=False),
        "delete": op("Log out.", {"204": {"description": "Logged out."}}, security=False),
    },
    "/api/v1/status": {"get": op("Version, backend, capabilities, counts and model.", {"200": json_response("Status.", ref("Status")), "401": E401})},
    "/api/v1/models": {"get": op("Installed and active models and coverage.", {"200": json_response("Models.", ref("Models")), "401": E401})},
    "/api/v1/duplicates": {"get": op("Groups of identical photos.", {"200": json_response("Groups.", ref("Duplicates")), "400": E400, "401": E401},
                                     parameters=[query("count", "Most groups returned.", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100})])},
    "/api/v1/photos": {"get": op("Search photos (PhotoPrism parameter names).", {"200": PHOTO_LIST, "400": E400, "401": E401, "404": E404, "503": E503}, parameters=SEARCH)},
    "/api/v1/photos/{uid}": {
        "get": op("One photo with all metadata.", {"200": json_response("The photo.", ref("Photo")), "401": E401, "404": E404}, parameters=[UID]),
        "put": op("Change favorite, archived, title or keywords.", {"200": json_response("The changed photo.", ref("Photo")), "400": E400, "401": E401, "404": E404},
                  parameters=[UID], body=json_body(ref("PhotoUpdate"))),
    },
    "/api/v1/photos/{uid}/similar": {"get": op("Photos similar to this one.", {"200": PHOTO_LIST, "400": E400, "401": E401, "404": E404, "503": E503}, parameters=[UID] + [p for p in SEARCH if p["name"] != "similar"])},
    "/api/v1/photos/{uid}/dl": {"get": op("The original file.", {"200": {"description": "The file, with the type detected at indexing (octet-stream when unknown).", "content": {"image/*": {"schema": {"type": "string", "format": "binary"}}, "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}, "401": E401, "404": E404}, parameters=[UID])},
    "/api/v1/search/image": {"post": op("Photos similar to an uploaded picture.", {"200": PHOTO_LIST, "400": E400, "401": E401, "404": E404, "413": E413, "503": E503},
        parameters=[p for p in SEARCH if p["name"] != "similar"],
        body={"required": True, "content": {
            "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}, "required": ["file"]}},
            "image/*": {"schema": {"type": "string", "format": "binary"}}}})},
    "/api/v1/t/{hash}/{size}": {"get": op("A thumbnail (ETag, long max-age).", {
        "200": {"description": "The thumbnail.", "headers": {"ETag": {"schema": {"type": "string"}}, "Cache-Control": {"schema": {"type": "string"}}},
                "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}, "image/webp": {"schema": {"type": "string", "format": "binary"}}}},
        "304": {"description": "Not modified."}, "401": E401, "404": E404},
        parameters=[path_param("hash", "SHA-256 of the original's bytes.", "^[0-9a-f]{64}$"),
                    {"name": "size", "in": "path", "required": True, "schema": {"type": "string", "enum": ["fit_256", "fit_720", "fit_1920"]}}])},
    "/api/v1/albums": {
        "get": op("All albums.", {"200": json_response("Albums.", {"type": "array", "items": ref("Album")}), "401": E401}),
        "post": op("Create an album.", {"201": json_response("The album.", ref("Album")), "400": E400, "401": E401}, body=json_body(ref("AlbumRequest"))),
    },
    "/api/v1/albums/{uid}": {
        "get": op("One album.", {"200": json_response("The album.", ref("Album")), "401": E401, "404": E404}, parameters=[ALBUM_UID]),
        "put": op("Rename an album.", {"200": json_response("The album.", ref("Album")), "400": E400, "401": E401, "404": E404}, parameters=[ALBUM_UID], body=json_body(ref("AlbumRequest"))),
        "delete": op("Delete an album (its photos stay).", {"204": {"description": "Deleted."}, "401": E401, "404": E404}, parameters=[ALBUM_UID]),
    },
    "/api/v1/albums/{uid}/photos": {
        "post": op("Add photos to an album.", {"200": json_response("The album.", ref("Album")), "400": E400, "401": E401, "404": E404}, parameters=[ALBUM_UID], body=json_body(ref("AlbumPhotos"))),
        "delete": op("Remove photos from an album.", {"200": json_response("The album.", ref("Album")), "400": E400, "401": E401, "404": E404}, parameters=[ALBUM_UID], body=json_body(ref("AlbumPhotos"))),
    },
    "/api/v1/index": {
        "get": op("The indexing worker's status and progress.", {"200": json_response("Status.", ref("IndexingStatus")), "401": E401}),
        "post": op("Start indexing.", {"202": json_response("Started.", ref("IndexingStatus")), "409": json_response("Already running or cannot run.", ref("IndexingStatus")), "400": E400, "401": E401},
                   body={"required": False, "content": {"application/json": {"schema": ref("IndexRequest")}}}),
        "delete": op("Cancel indexing after the current batch.", {"200": json_response("Status.", ref("IndexingStatus")), "401": E401}),
    },
}

nullable = lambda t: {"type": [t, "null"]}
schemas = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
    "Health": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
    "Login": {"type": "object", "required": ["password"], "properties": {"password": {"type": "string"}}},
    "Session": {"type": "object", "required": ["token", "expiresIn"], "properties": {"token": {"type": "string"}, "expiresIn": {"type": "integer"}}},
    "Photo": {"type": "object", "required": ["uid", "path", "hash", "thumbs", "download"], "properties": {
        "uid": {"type": "string"}, "path": {"type": "string"}, "fileName": {"type": "string"}, "hash": {"type": "string"},
        "mime": nullable("string"), "size": {"type": "integer"}, "width": {"type": "integer"}, "height": {"type": "integer"},
        "favorite": {"type": "boolean"}, "archived": {"type": "boolean"}, "status": {"type": "string"},
        "title": nullable("string"), "description": nullable("string"), "keywords": {"type": "array", "items": {"type": "string"}},
        "takenAt": {"type": ["string", "null"], "format": "date-time"}, "takenAtSource": {"type": "string"},
        "cameraMake": nullable("string"), "cameraModel": nullable("string"), "lens": nullable("string"), "iso": nullable("integer"),
        "fNumber": nullable("number"), "exposure": nullable("string"), "focalLength": nullable("number"),
        "lat": nullable("number"), "lng": nullable("number"), "altitude": nullable("number"),
        "addedAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"},
        "thumbs": {"type": "object", "properties": {s: {"type": "string"} for s in ["fit_256", "fit_720", "fit_1920"]}},
        "download": {"type": "string"}, "score": {"type": ["number", "null"], "description": "Similarity, in semantic searches."}}},
    # In request bodies an optional field may be null, which means the same as leaving it out (Swift's Decodable).
    "PhotoUpdate": {"type": "object", "properties": {"favorite": nullable("boolean"), "archived": nullable("boolean"), "title": nullable("string"), "keywords": {"type": ["array", "null"], "items": {"type": "string"}}}},
    "Album": {"type": "object", "required": ["uid", "title", "photoCount"], "properties": {"uid": {"type": "string"}, "title": {"type": "string"}, "description": nullable("string"), "createdAt": {"type": "string", "format": "date-time"}, "photoCount": {"type": "integer"}}},
    "AlbumRequest": {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}, "description": nullable("string")}},
    "AlbumPhotos": {"type": "object", "required": ["photos"], "properties": {"photos": {"type": "array", "items": {"type": "string"}}}},
    "IndexRequest": {"type": "object", "properties": {"rescan": nullable("boolean"), "retryFailed": nullable("boolean")}},
    "IndexingStatus": {"type": "object", "required": ["state", "queued", "done", "failed", "rate"], "properties": {
        "state": {"type": "string", "enum": ["idle", "scanning", "indexing", "cancelling"]}, "queued": {"type": "integer"}, "done": {"type": "integer"},
        "failed": {"type": "integer"}, "rate": {"type": "number"}, "etaSeconds": nullable("number"), "currentFile": nullable("string"),
        "startedAt": {"type": ["string", "null"]}, "finishedAt": {"type": ["string", "null"]}, "lastError": nullable("string")}},
    "Status": {"type": "object", "required": ["version", "backend", "counts", "model"], "properties": {
        "version": {"type": "string"}, "backend": {"type": "string"}, "capabilities": {"type": "object"}, "counts": {"type": "object"},
        "model": {"type": "string"}, "semanticSearch": {"type": "boolean"}, "indexing": ref("IndexingStatus"), "authRequired": {"type": "boolean"}}},
    "Models": {"type": "object", "required": ["active", "installed", "coverage"], "properties": {
        "active": {"type": "string"}, "activeDims": nullable("integer"), "semanticSearch": {"type": "boolean"},
        "installed": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "dims": nullable("integer")}}},
        "embedded": {"type": "object", "additionalProperties": {"type": "integer"}}, "coverage": {"type": "number"}, "photos": {"type": "integer"}}},
    "Duplicates": {"type": "object", "required": ["groups"], "properties": {"groups": {"type": "array", "items": {"type": "array", "items": ref("Photo")}}}},
}

document = {
    "openapi": "3.1.0",
    "info": {"title": "Viewfinder API", "version": "1", "description": "Search a photo library by text, by picture and by metadata. Parameter names follow PhotoPrism."},
    "servers": [{"url": "http://127.0.0.1:2342"}],
    "security": [{"bearer": []}, {"cookie": []}],
    "paths": paths,
    "components": {
        "schemas": schemas,
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "description": "An API token or a session token."},
            "cookie": {"type": "apiKey", "in": "cookie", "name": "viewfinder_session"},
        },
    },
}
OUT.write_text(json.dumps(document, indent=2, sort_keys=False) + "\n")
print(f"wrote {OUT.relative_to(ROOT)}")
