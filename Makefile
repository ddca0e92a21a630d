# Viewfinder: the commands a newcomer needs. Every target sets up what it needs first.
SHELL := /bin/bash
CONFIG ?= release
DEMO := var/demo
BIN = $(shell swift build -c $(CONFIG) --show-bin-path 2>/dev/null)/viewfinder
PYTHON := .vendor/venv/bin/python3

.PHONY: bootstrap build demo test clean-demo bench-tokenizer bench-search bench-decode bench-encoder bench-index soak fuzz \
	sanitize

## Install system packages, the ONNX Runtime library and the Python tools (idempotent).
bootstrap:
	@./scripts/bootstrap.sh --no-build

## Build the viewfinder binary.
build: bootstrap
	swift build -c $(CONFIG) --product viewfinder

## Set up, build, index a sample library with the test model and run example searches.
demo: build
	@./scripts/demo.sh "$(BIN)" "$(DEMO)"

## Set up and run the whole test suite. The database servers (PostgreSQL + pgvector, MariaDB 10.11 and 11.8) start
## on 127.0.0.1 while the tests build, and stop afterwards whatever happens; the tests read their URLs from
## VIEWFINDER_TEST_*_URL and fail when one is missing.
test: bootstrap
	@set -euo pipefail; mkdir -p var; \
	./scripts/test-servers.sh start > var/test-servers.env & servers=$$!; \
	trap 'wait $$servers 2>/dev/null || true; ./scripts/test-servers.sh stop' EXIT; \
	swift build --build-tests; \
	wait $$servers || { echo "make test: the database servers did not start" >&2; exit 1; }; \
	source var/test-servers.env; \
	swift test --skip-build --parallel --num-workers 2

## Tokenizers against Python tokenizers on the golden corpus, in one run; rewrites BENCHMARKS.md's section.
bench-tokenizer: bootstrap
	swift build -c release --product viewfinder-bench
	$(PYTHON) tools/tokenizers/bench_reference.py --out var/bench/tokenizer-reference.json
	"$$(swift build -c release --show-bin-path)/viewfinder-bench" tokenizer --reference var/bench/tokenizer-reference.json

## Decode + preprocess throughput and fidelity against Pillow (full decode and draft()) in one run.
bench-decode: bootstrap
	swift build -c release --product viewfinder-bench
	$(PYTHON) tools/samples/generate_fidelity_corpus.py var/bench/fidelity
	$(PYTHON) tools/reference/bench_decode.py --out-dir var/bench/decode prepare --fidelity-dir var/bench/fidelity
	"$$(swift build -c release --show-bin-path)/viewfinder-bench" decode --data var/bench/decode

## Soak: wrk's search load (text, filtered and similar-photo queries) on `serve` while indexing 2000 generated
## pictures; prints req/s, p50/p99, errors (must be 0) and RSS over time. SOAK_SECONDS=120 (default), SOAK_PHOTOS=2000.
soak: build
	@./scripts/soak.sh "$(BIN)" var/soak

clean-demo:
	rm -rf $(DEMO)

## Vector search: the in-process index against numpy, sqlite-vec and pgvector (SIZES=10000,100000 for a quick run).
SIZES ?= 10000,100000,1000000
## Extra arguments of tools/bench/search_reference.py, e.g. "--pgvector-max 1000000 --pgvector-max-64 100000".
SEARCH_REFERENCE_ARGS ?=
bench-search: bootstrap
	$(PYTHON) -m pip install -q -r tools/requirements-bench.txt
	swift build -c release --product viewfinder-bench
	@# pgvector: the running test server when VIEWFINDER_TEST_POSTGRES_URL is set, else a private one started and stopped here.
	@set -e; url="$${VIEWFINDER_TEST_POSTGRES_URL:-}"; own=; \
	if [ -z "$$url" ]; then export VIEWFINDER_SERVERS_DIR=/tmp/viewfinder-bench-servers; url="$$(./scripts/postgres-start.sh)"; own=1; fi; \
	status=0; env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(PYTHON) tools/bench/search_reference.py --out-dir var/bench/search \
		--sizes $(SIZES) --postgres "$$url" $(SEARCH_REFERENCE_ARGS) || status=$$?; \
	if [ -n "$$own" ]; then ./scripts/postgres-stop.sh; fi; exit $$status
	@# A text query end to end at 100k photos, with the UForm3-shaped int8 bench model of `make bench-encoder`.
	@if [ -f $(BENCH_MODELS)/bench-uform3-multilingual-base-int8/text_encoder.onnx ]; then \
		"$$(swift build -c release --show-bin-path)/viewfinder-bench" search-e2e --data var/bench/search \
			--model $(BENCH_MODELS)/bench-uform3-multilingual-base-int8; \
	else echo "no bench model: run make bench-encoder first for the end-to-end row"; rm -f var/bench/search/end-to-end.md; fi
	"$$(swift build -c release --show-bin-path)/viewfinder-bench" search --data var/bench/search

## Encoders: images/s and texts/s through Viewfinder's ONNX Runtime binding against Python onnxruntime, same run,
## on random-weight UForm3-multilingual-base- and ViT-B/32-shaped models (fp32 and int8, built once, ~1.8 GB).
BENCH_MODELS := var/bench/models
bench-encoder: bootstrap
	swift build -c release --product viewfinder-bench
	@test -f $(BENCH_MODELS)/bench-openclip-vit-b-32-int8/text_encoder.onnx -a -f $(BENCH_MODELS)/bench-uform3-multilingual-base-int8/text_encoder.onnx \
		|| $(PYTHON) tools/models/generate_bench_models.py $(BENCH_MODELS)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$$(swift build -c release --show-bin-path)/viewfinder-bench" encoder \
		--models $(BENCH_MODELS) --python $(PYTHON)

## Indexing end to end: `viewfinder index` on PHOTOS real-size JPEGs (bench-decode's pictures, replicated) against
## the encoder alone on pre-made tensors and a Python Pillow + onnxruntime pipeline (the way uform-image-search
## indexes), with the float32 and int8 bench models of bench-encoder, in one run; rewrites BENCHMARKS.md's section.
PHOTOS ?= 1000
INDEX_THREADS ?= 2
INDEX_BATCH ?= 16
bench-index: bootstrap
	swift build -c release --product viewfinder
	swift build -c release --product viewfinder-bench
	@test -f var/bench/decode/sets.json || { $(PYTHON) tools/samples/generate_fidelity_corpus.py var/bench/fidelity \
		&& $(PYTHON) tools/reference/bench_decode.py --out-dir var/bench/decode prepare --fidelity-dir var/bench/fidelity; }
	@test -f $(BENCH_MODELS)/bench-uform3-multilingual-base-int8/image_encoder.onnx \
		|| $(PYTHON) tools/models/generate_bench_models.py $(BENCH_MODELS)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$$(swift build -c release --show-bin-path)/viewfinder-bench" index \
		--photos $(PHOTOS) --threads $(INDEX_THREADS) --batch $(INDEX_BATCH) --models $(BENCH_MODELS) --python $(PYTHON)

## Fuzzing: each libFuzzer target in fuzzing/ for FUZZ_SECONDS (ASan), then schemathesis against `viewfinder serve`
## on loopback with auth off and on (API_FUZZ_EXAMPLES per operation). Prints figures; fails on any crash or 5xx.
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
API_FUZZ_EXAMPLES ?= 100
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) ./scripts/fuzz.sh
	swift build --product viewfinder
	./scripts/api-fuzz.sh "$$(swift build --show-bin-path)/viewfinder" $(API_FUZZ_EXAMPLES)

## The test suite under AddressSanitizer and ThreadSanitizer (own scratch paths; SANITIZERS=address for ASan only,
## SANITIZE_FILTER=regex to narrow). Uses the database servers of VIEWFINDER_TEST_*_URL, else starts its own like `make test`.
sanitize: bootstrap
	@set -euo pipefail; \
	if [ -z "$${VIEWFINDER_TEST_POSTGRES_URL:-}" ]; then \
		mkdir -p var; ./scripts/test-servers.sh start > var/test-servers.env; \
		trap './scripts/test-servers.sh stop' EXIT; source var/test-servers.env; \
	fi; \
	./scripts/sanitize.sh
