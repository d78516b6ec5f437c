"""Make every Binder, nbgitpuller, Colab and pip-from-GitHub link agree with one setting: binder/REPOSITORY.

binder/REPOSITORY holds one line, the GitHub `owner/name` of this repository. A fork
changes that line and runs

    python tools/links.py            # rewrite the links in README.md, docs/*.md, notebooks/ and teacher/
    python tools/links.py --check    # change nothing; list each link that disagrees, exit 1 if any

Only the owner/name part of a link changes (and, in an nbgitpuller link, the folder
name in its urlpath, which is the repository's name); the rest of every file is kept
byte for byte, so a notebook's JSON keeps its layout.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parents[1]
SETTING = "binder/REPOSITORY"
PLACEHOLDER = "OWNER/REPO"
GLOBS = ["README.md", "docs/*.md", "notebooks/*.ipynb", "teacher/*.ipynb", "notebooks/zh/*.ipynb",
         "teacher/zh/*.ipynb"]
REPOSITORY = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+$")

_NAME = r"[A-Za-z0-9._-]+/[A-Za-z0-9._-]+"
# https://mybinder.org/v2/gh/OWNER/REPO/HEAD?urlpath=...  and
# https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/...
PATH_LINKS = re.compile(
    rf"(https?://(?:mybinder\.org/v2/gh|colab\.research\.google\.com/github)/)({_NAME})(?=/)")
# pip install git+https://github.com/OWNER/REPO  (Colab's first cell, a hub's install line)
PIP_LINKS = re.compile(
    r"(git\+https://github\.com/)([A-Za-z0-9._-]+/[A-Za-z0-9._-]+?)"
    r"(?=\.git(?![A-Za-z0-9_-])|(?![A-Za-z0-9._-]))")
# https://HUB/hub/user-redirect/git-pull?repo=...&branch=main&urlpath=lab/tree/REPO/...
GIT_PULL = re.compile(r"https?://[^\s\"'<>()\[\]\\]*/git-pull\?[^\s\"'<>()\[\]\\]+")
GITHUB = re.compile(rf"^https?://github\.com/({_NAME}?)(?:\.git)?/?$")


def read_setting(root=ROOT):
    """The `owner/name` in binder/REPOSITORY: its one line that is not blank or a # comment."""
    path = Path(root) / SETTING
    values = [ln.strip() for ln in path.read_text().splitlines()
              if ln.strip() and not ln.lstrip().startswith("#")]
    if len(values) != 1 or not REPOSITORY.match(values[0]):
        raise SystemExit(f"{SETTING} must hold one line `owner/name` (GitHub's spelling); "
                         f"it holds {values}")
    return values[0]


def _git_pull(url, repository):
    """An nbgitpuller link, pointed at github.com/<repository> (same parameters, same encoding)."""
    base, query = url.split("?", 1)
    params = query.split("&")
    old_name = None
    for i, param in enumerate(params):
        key, _, value = param.partition("=")
        if key == "repo":
            m = GITHUB.match(unquote(value))
            if not m:
                return url                     # not a GitHub repository: not ours to change
            old_name = m.group(1).split("/")[1].removesuffix(".git")
            new = f"https://github.com/{repository}"
            params[i] = f"repo={quote(new, safe='') if '%' in value else new}"
    if old_name is None or any(p.startswith("targetPath=") for p in params):
        return base + "?" + "&".join(params)
    new_name = repository.split("/")[1]
    for i, param in enumerate(params):
        key, _, value = param.partition("=")
        if key == "urlpath":                   # lab/tree/<name>/...: the clone's folder
            path = re.sub(rf"(^/?(?:[a-z]+/)?tree/){re.escape(old_name)}(?=/|$)",
                          lambda m: m.group(1) + new_name, unquote(value))
            params[i] = f"urlpath={quote(path, safe='') if '%' in value else path}"
    return base + "?" + "&".join(params)


def rewrite(text, repository):
    """`text` with every Binder, Colab and nbgitpuller link pointed at `repository`."""
    text = PATH_LINKS.sub(lambda m: m.group(1) + repository, text)
    text = PIP_LINKS.sub(lambda m: m.group(1) + repository, text)
    return GIT_PULL.sub(lambda m: _git_pull(m.group(0), repository), text)


URL = re.compile(r"(?:git\+)?https?://[^\s\"'<>()\[\]\\`]+")


def links(text):
    """Every Binder, Colab, nbgitpuller and pip-from-GitHub link in `text`, in order:
    the addresses that would change if the repository were another."""
    # line by line, skipping lines with no "http" (a notebook's images are megabytes of
    # base64 that the regex would otherwise scan character by character: 2 s a run)
    return [url for line in text.splitlines() if "http" in line for url in URL.findall(line)
            if rewrite(url, "a/b") != url or rewrite(url, "c/d") != url]


def disagreements(text, repository):
    """(line number, link) for each link in `text` that does not point at `repository`."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        for link in links(line):
            if rewrite(link, repository) != link:
                out.append((number, link))
    return out


def files(root=ROOT):
    return sorted({p for pattern in GLOBS for p in Path(root).glob(pattern)})


def git_remote(root=ROOT):
    """`owner/name` of the GitHub remote `origin`, or None."""
    try:
        url = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.match(rf"^(?:https?://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                 rf"({_NAME}?)(?:\.git)?/?$", url)
    return m.group(1) if m else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a link disagrees with binder/REPOSITORY")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository's top folder")
    args = parser.parse_args(argv)
    repository = read_setting(args.root)
    bad = changed = total = 0
    for path in files(args.root):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(args.root).as_posix()
        total += len(links(text))
        if args.check:
            for number, link in disagreements(text, repository):
                print(f"{name}:{number}: {link}")
                bad += 1
            continue
        new = rewrite(text, repository)
        if new != text:
            if path.suffix == ".ipynb":
                json.loads(new)                # still a notebook
            path.write_text(new, encoding="utf-8")
            n = len(disagreements(text, repository))
            print(f"{name}: {n} link{'s' * (n != 1)} now point at {repository}")
            changed += n
    if repository == PLACEHOLDER:
        print(f"note: {SETTING} still holds the placeholder {PLACEHOLDER}: "
              "the links will not open until it names the real repository")
    remote = git_remote(args.root)
    if remote and remote.lower() != repository.lower():
        print(f"note: git remote origin is {remote}, but {SETTING} says {repository}")
    if args.check:
        if bad:
            print(f"{bad} of {total} links disagree with {SETTING} ({repository}): "
                  "run python tools/links.py")
            return 1
        print(f"all {total} links point at {repository}")
        return 0
    print(f"{changed} links rewritten; all {total} point at {repository}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
