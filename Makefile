# Viewfinder: the commands a newcomer needs. Every target sets up what it needs first.
SHELL := /bin/bash
CONFIG ?= release
DEMO := var/demo
BIN = $(shell swift build -c $(CONFIG) --show-bin-path 2>/dev/null)/viewfinder
PYTHON := .vendor/venv/bin/python3

.PHONY: bootstrap build demo test clean-demo

## Install system packages, the ONNX Runtime library and the Python tools (idempotent).
bootstrap:
	@./scripts/bootstrap.sh --no-build

## Build the viewfinder binary.
build: bootstrap
	swift build -c $(CONFIG) --product viewfinder

## Set up, build, index a sample library with the test model and run example searches.
demo: build
	@./scripts/demo.sh "$(BIN)" "$(DEMO)"

## Set up and run the whole test suite.
test: bootstrap
	swift build --build-tests
	swift test --skip-build --parallel --num-workers 2

clean-demo:
	rm -rf $(DEMO)
