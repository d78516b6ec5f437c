# Two commands: `make lab` opens the notebooks, `make test` runs every test.
# Both build .venv first (only Python 3 needed) and reinstall only when the pins change.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: lab test unit browser notebooks execute student bench clean

# JupyterLab on the notebooks (tools/lab.sh): as root it adds --allow-root; with no browser
# here it adds --no-browser and says which address to open. More options: make lab LAB_ARGS=...
lab: $(STAMP)
	bash tools/lab.sh $(BIN)/jupyter $(LAB_ARGS)

# the unit and browser tests, then every notebook re-executed and compared by nbval
# (unit tests and notebooks on both cores: -n 2; one notebook per worker: --dist loadfile;
# -p no:nbval where no notebook runs: loading nbval costs each process 2.5 s, in jsonschema)
test: $(STAMP)
	$(BIN)/python -m pytest tests --ignore=tests/browser -n 2 -p no:cacheprovider -p no:nbval
	$(BIN)/python -m pytest tests/browser -p no:cacheprovider -p no:nbval
	$(BIN)/python -m pytest --nbval notebooks teacher -n 2 --dist loadfile -p no:cacheprovider

unit: $(STAMP)
	$(BIN)/python -m pytest tests --ignore=tests/browser -n 2 -p no:cacheprovider -p no:nbval

# every notebook in a real JupyterLab and headless Chromium (needs `apt-get install -y chromium`)
browser: $(STAMP)
	$(BIN)/python -m pytest tests/browser -p no:cacheprovider -p no:nbval

notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval notebooks teacher -n 2 --dist loadfile -p no:cacheprovider

# re-execute every notebook of both editions in a fresh kernel and store it with its outputs
execute: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace teacher/*.ipynb notebooks/*.ipynb \
	    teacher/zh/*.ipynb notebooks/zh/*.ipynb

# the student editions (notebooks/, notebooks/zh/) built from their one source, the teacher
# editions (teacher/, teacher/zh/): solutions and the explorers' answers taken out, then executed
student: $(STAMP)
	$(BIN)/python tools/editions.py
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace notebooks/*.ipynb notebooks/zh/*.ipynb

bench: $(STAMP)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache
