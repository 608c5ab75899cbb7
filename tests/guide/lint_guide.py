#!/usr/bin/env python3
"""Lint the LLM Cloud Deployment Guide (data/guide/*.md).

Rules: docs/GUIDE-CONVENTIONS.md. Python 3.11, stdlib + PyYAML.

Usage:
  lint_guide.py [--root data/guide] [--only FILE ...] [--stats]
                [--min-files N --min-words N --min-code N --min-tables N --min-glossary N]

Exit status: 0 clean, 1 problems (one line per problem: ``path:line: message``), 2 usage error.

Per-file checks run on every .md file below the root, or only on the --only files; link targets are
always resolved against the whole tree. The --min-* totals are always counted over the whole tree.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

try:
    import yaml  # PyYAML
except ImportError:  # pragma: no cover - reported as a problem, never a silent pass
    yaml = None

ALLOWED_LANGS = {
    "python", "bash", "sh", "shell", "json", "yaml", "text", "hcl", "dockerfile", "sql",
    "javascript", "typescript", "ini", "toml", "promql", "kql", "http", "diff", "go", "csv",
}
BASH_LANGS = {"bash", "sh", "shell"}
OPTION_IDS = {
    "aws-bedrock", "aws-sagemaker", "aws-ec2-vllm", "azure-openai", "azure-container-instances",
    "azure-aks", "gcp-vertex-ai", "gcp-cloud-run", "gcp-gke",
}
PRICE_FIELDS = {"input", "output", "cached_input", "cache_write", "tier_input", "tier_output"}

FENCE_OPEN = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# [text](target "title") and ![alt](src); one level of nested [] in text, balanced () in target.
INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\(\s*(<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
REF_LINK = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\[([^\[\]]*)\]")
REF_DEF = re.compile(r"^ {0,3}\[([^\[\]]+)\]:\s*(<[^<>]*>|\S+)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>")
HTML_TAG = re.compile(r"(?<!\\)</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>")
LIVE_FACT = re.compile(r"<!--lda:([^:>]*):(.*?)-->(.*?)<!--/lda-->")
DOLLAR = re.compile(r"^\$(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
ID_RE = r"[a-z0-9][a-z0-9._-]*"
PRICE_ARGS = re.compile(rf"^({ID_RE})/({ID_RE}):([a-z_]+)$")
GPU_ARGS = re.compile(rf"^({ID_RE}):((?:on_demand|spot|ri_1y|ri_3y)(?:_month)?)$")
USECASE_ARGS = re.compile(rf"^({ID_RE}):([a-z][a-z0-9_.]*)$")
WORD = re.compile(r"[A-Za-z0-9][\w'.-]*")
TABLE_DELIM = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
DIAGRAM = re.compile(r"\+--|--\+|->|<-|=>|[▶▼▲◀►◄┌┐└┘│├┤─┬┴┼═║╔╗╚╝╠╣]|^\s*\|\s|\s\|\s*$|^\s*v\s*$", re.M)
HEREDOC = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1")
PLACEHOLDER = re.compile(r"(?<![<\w$])<[A-Za-z][\w.-]*>")
BASH_ERR_LINE = re.compile(r"line (\d+):")
RELATED = re.compile(r"\b(related|next steps?)\b", re.I)


@dataclass
class Block:
    lang: str
    start: int          # line number of the opening fence (1-based)
    text: str           # content, dedented by the fence indentation


@dataclass
class Page:
    path: Path
    rel: str                                      # path relative to the root, posix
    lines: list[str]
    blocks: list[Block] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)  # 1-based, fences included
    headings: list[tuple[int, int, str]] = field(default_factory=list)  # (line, level, text)
    slugs: set[str] = field(default_factory=set)
    unclosed: int = 0


def strip_code_spans(line: str) -> str:
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def heading_plain_text(text: str) -> str:
    """Approximate the rendered text of a heading (what GitHub slugs)."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<!--.*?-->", "", text)
    text = re.sub(r"<[^>]+>", "", text)
    parts = re.split(r"(`+[^`]*`+)", text)
    out = []
    for p in parts:
        if p.startswith("`"):
            out.append(p.strip("`").strip() if p.strip("`").strip() else p.strip("`"))
        else:
            p = re.sub(r"(?<![\w\\])__(.+?)__(?!\w)", r"\1", p)
            p = re.sub(r"(?<![\w\\])_(.+?)_(?!\w)", r"\1", p)
            p = re.sub(r"\\(.)", r"\1", p)
            out.append(p)
    return "".join(out)


def slugify(text: str) -> str:
    """GitHub's rule: lower-case, drop all but letters, digits, marks, space, '-' and '_'."""
    s = heading_plain_text(text).strip().lower()
    kept = []
    for ch in s:
        cat = unicodedata.category(ch)
        if ch in " -_" or cat[0] in ("L", "N", "M"):
            kept.append(ch)
    return "".join(kept).replace(" ", "-")


class Slugger:
    def __init__(self) -> None:
        self.occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        original = result = slugify(text)
        while result in self.occurrences:
            self.occurrences[original] += 1
            result = f"{original}-{self.occurrences[original]}"
        self.occurrences[result] = 0
        return result


def parse_page(path: Path, root: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    page = Page(path=path, rel=path.relative_to(root).as_posix(), lines=lines)
    slugger = Slugger()
    i = 0
    n = len(lines)
    prev_para = False
    while i < n:
        line = lines[i]
        m = FENCE_OPEN.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            indent, fence, info = len(m.group(1).expandtabs()), m.group(2), m.group(3).strip()
            start = i + 1
            body = []
            close = re.compile(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
            j = i + 1
            while j < n and not close.match(lines[j]):
                raw = lines[j].expandtabs()
                k = 0
                while k < indent and k < len(raw) and raw[k] == " ":
                    k += 1
                body.append(raw[k:])
                j += 1
            if j >= n:
                page.unclosed = start
            lang = info.split()[0] if info else ""
            page.blocks.append(Block(lang=lang, start=start, text="\n".join(body) + ("\n" if body else "")))
            page.code_lines.update(range(start, min(j, n - 1) + 2))
            i = j + 1
            prev_para = False
            continue
        h = ATX.match(line)
        if h:
            level, htext = len(h.group(1)), (h.group(2) or "")
            htext = re.sub(r"[ \t]+#+[ \t]*$", "", htext)
            if re.fullmatch(r"#+", htext.strip()):
                htext = ""
            page.headings.append((i + 1, level, htext))
            page.slugs.add(slugger.slug(htext))
            prev_para = False
        elif prev_para and re.fullmatch(r" {0,3}(=+|-+)\s*", line):
            level = 1 if "=" in line else 2
            htext = lines[i - 1].strip()
            page.headings.append((i, level, htext))
            page.slugs.add(slugger.slug(htext))
            prev_para = False
        else:
            s = line.strip()
            prev_para = bool(s) and not re.match(r"(\||>|[-*+]\s|\d+[.)]\s|<!--|\[[^\]]+\]:)", s) \
                and not (prev_para is False and line.startswith("    "))
        i += 1
    return page


class Linter:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.pages: dict[Path, Page] = {}
        self.problems: list[tuple[str, int, str]] = []
        self.cwd = Path.cwd().resolve()
        for p in sorted(self.root.rglob("*.md")):
            try:
                self.pages[p.resolve()] = parse_page(p.resolve(), self.root)
            except (UnicodeDecodeError, OSError) as exc:
                self.report_path(p.resolve(), 1, f"cannot read: {exc}")

    # -- reporting ---------------------------------------------------------------------------
    def display(self, path: Path) -> str:
        try:
            rel = os.path.relpath(path, self.cwd)
        except ValueError:
            return str(path)
        return str(path) if rel.startswith("..") else rel

    def report_path(self, path: Path, line: int, msg: str) -> None:
        self.problems.append((self.display(path), line, msg))

    def report(self, page: Page, line: int, msg: str) -> None:
        self.report_path(page.path, line, msg)

    # -- checks --------------------------------------------------------------------------------
    def check(self, selected: list[Page]) -> None:
        bash_jobs: list[tuple[Page, Block]] = []
        for page in selected:
            self.check_structure(page)
            for block in page.blocks:
                job = self.check_block(page, block)
                if job:
                    bash_jobs.append(job)
            self.check_inline(page)
        self.run_bash(bash_jobs)

    def check_structure(self, page: Page) -> None:
        lines = page.lines
        if not lines or not re.match(r"^# \S", lines[0]):
            self.report(page, 1, "page must start with a '# Title' line")
        else:
            k = 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k >= len(lines) or (k + 1) in page.code_lines or ATX.match(lines[k]) \
                    or lines[k].lstrip().startswith("|"):
                self.report(page, k + 1 if k < len(lines) else 1,
                            "the title must be followed by a one-paragraph summary")
        for line, level, _ in page.headings:
            if level == 1 and line != 1:
                self.report(page, line, "only one '# ' title per page (use '## ' for sections)")
        if page.unclosed:
            self.report(page, page.unclosed, "code fence is never closed")
        # A final "Related" / "Next steps" section that links at least two other guide pages.
        h2 = [(ln, t) for ln, lv, t in page.headings if lv == 2]
        if not h2 or not RELATED.search(h2[-1][1]):
            self.report(page, h2[-1][0] if h2 else len(page.lines) or 1,
                        "page must end with a '## Related' (or '## Next steps') section")
        else:
            start = h2[-1][0]
            targets = self.linked_pages(page, start)
            if len(targets) < 2:
                self.report(page, start, f"the '{h2[-1][1]}' section must link at least two other "
                                         f"guide pages (found {len(targets)})")
        total = self.linked_pages(page, 1)
        if len(total) < 2:
            self.report(page, 1, f"page must link to at least two other guide pages (found {len(total)})")

    def check_block(self, page: Page, block: Block):
        name = f"{page.rel}:{block.start}"
        if not block.lang:
            self.report(page, block.start, "code block without a language tag")
            return None
        if block.lang not in ALLOWED_LANGS:
            self.report(page, block.start, f"unknown language tag '{block.lang}' "
                                           f"(allowed: {', '.join(sorted(ALLOWED_LANGS))})")
            return None
        if block.lang == "python":
            try:
                compile(block.text, name, "exec")
            except SyntaxError as exc:
                self.report(page, block.start + (exc.lineno or 1),
                            f"python block does not compile: {exc.msg}")
            except ValueError as exc:
                self.report(page, block.start + 1, f"python block does not compile: {exc}")
        elif block.lang == "json":
            try:
                json.loads(block.text)
            except json.JSONDecodeError as exc:
                self.report(page, block.start + exc.lineno, f"json block does not parse: {exc.msg}")
        elif block.lang == "yaml":
            if yaml is None:
                self.report(page, block.start, "PyYAML is not installed: cannot check yaml blocks")
                return None
            try:
                list(yaml.safe_load_all(block.text))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                off = (mark.line + 1) if mark is not None else 1
                problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
                self.report(page, block.start + off, f"yaml block does not parse: {problem}")
        elif block.lang in BASH_LANGS:
            self.check_bash_placeholders(page, block)
            return (page, block)
        return None

    def check_bash_placeholders(self, page: Page, block: Block) -> None:
        """`<PLACEHOLDER>` unquoted in shell is a redirection that `bash -n` often accepts."""
        heredoc_end = None
        for off, line in enumerate(block.text.split("\n"), start=1):
            if heredoc_end is not None:
                if line.strip() == heredoc_end:
                    heredoc_end = None
                continue
            hd = HEREDOC.search(line)
            if hd:
                heredoc_end = hd.group(2)
            code = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
            code = re.sub(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"|\\.", "", code)
            m = PLACEHOLDER.search(code)
            if m:
                self.report(page, block.start + off,
                            f"placeholder {m.group(0)} in a {block.lang} block is a redirection: "
                            "use $VARIABLE or quote it")

    def run_bash(self, jobs: list[tuple[Page, Block]]) -> None:
        """`bash -n` every shell block. Blocks are checked in groups (each wrapped in its own function,
        nothing runs under -n); only a group that fails, or warns, is re-checked block by block."""
        if not jobs:
            return

        def bash_n(src: str) -> tuple[int, str]:
            try:
                r = subprocess.run(["bash", "-n"], input=src, capture_output=True, text=True, timeout=60)
                return r.returncode, r.stderr
            except (OSError, subprocess.TimeoutExpired) as exc:
                return 1, f"bash: line 1: cannot run bash -n: {exc}"

        def check_group(group: list[tuple[Page, Block]]) -> list[tuple[int, str]]:
            if len(group) > 1:
                src = "".join(f"__lda_lint_{k}() {{\n:\n{b.text}\n}}\n" for k, (_, b) in enumerate(group))
                rc, err = bash_n(src)
                if rc == 0 and not err.strip():
                    return [(0, "")] * len(group)
            return [bash_n(b.text) for _, b in group]

        size = 25
        groups = [jobs[k:k + size] for k in range(0, len(jobs), size)]
        workers = max(2, min(8, (os.cpu_count() or 2) * 2))
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            results = [r for rs in pool.map(check_group, groups) for r in rs]
        for (page, block), (rc, err) in zip(jobs, results):
            if rc == 0 and not err.strip():
                continue
            first = next((ln for ln in err.splitlines() if ln.strip()), "syntax error")
            m = BASH_ERR_LINE.search(first)
            off = int(m.group(1)) if m else 1
            msg = first.split(": ", 2)[-1] if m else first
            self.report(page, block.start + off, f"{block.lang} block fails bash -n: {msg}")

    def prose_lines(self, page: Page, start: int = 1):
        """(line number, text without code spans) for every line outside fenced code."""
        for idx in range(start - 1, len(page.lines)):
            if idx + 1 in page.code_lines:
                continue
            yield idx + 1, strip_code_spans(page.lines[idx])

    def resolve(self, page: Page, target: str):
        """Resolve a relative link target. Returns (path or None, anchor or None)."""
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        path_part, _, anchor = target.partition("#")
        path_part = unquote(path_part)
        if not path_part:
            return page.path, anchor
        dest = (page.path.parent / path_part).resolve()
        return dest, anchor

    def link_targets(self, page: Page, start: int = 1):
        """Yield (line, is_image, target) for inline, reference and definition links."""
        defs: dict[str, str] = {}
        for ln, text in self.prose_lines(page, 1):
            m = REF_DEF.match(text)
            if m:
                defs[m.group(1).strip().lower()] = m.group(2)
        for ln, text in self.prose_lines(page, start):
            m = REF_DEF.match(text)
            if m:
                yield ln, False, m.group(2)
                continue
            for lm in INLINE_LINK.finditer(text):
                yield ln, lm.group(1) == "!", lm.group(3)
            for rm in REF_LINK.finditer(text):
                key = (rm.group(3) or rm.group(2)).strip().lower()
                if rm.group(1) == "!" and key in defs:
                    yield ln, True, defs[key]

    def linked_pages(self, page: Page, start: int) -> set[Path]:
        out = set()
        for _, is_image, target in self.link_targets(page, start):
            if is_image or SCHEME.match(target.strip("<>")) or target.startswith("#"):
                continue
            dest, _ = self.resolve(page, target)
            if dest in self.pages and dest != page.path:
                out.add(dest)
        return out

    def check_inline(self, page: Page) -> None:
        for ln, is_image, target in self.link_targets(page):
            self.check_link(page, ln, is_image, target)
        for ln, text in self.prose_lines(page):
            # live-fact comments
            rest = text
            for m in LIVE_FACT.finditer(text):
                self.check_live_fact(page, ln, m.group(1), m.group(2), m.group(3))
            rest = LIVE_FACT.sub(lambda m: " " * len(m.group(0)), rest)
            for m in re.finditer(r"<!--(.*?)(-->|$)", rest):
                body = m.group(1)
                if body.startswith("lda:") or body.startswith("/lda"):
                    self.report(page, ln, "malformed live-fact comment: expected "
                                          "'<!--lda:KIND:ARGS-->$STATIC<!--/lda-->' on one line")
                else:
                    self.report(page, ln, "raw HTML comment is not allowed (the app does not render raw HTML)")
            rest = re.sub(r"<!--.*?(-->|$)", "", rest)
            rest = AUTOLINK.sub("", rest)
            for m in HTML_TAG.finditer(rest):
                self.report(page, ln, f"raw HTML is not allowed: {m.group(0)[:40]} "
                                      "(use Markdown, or put it in a code span)")

    def check_link(self, page: Page, ln: int, is_image: bool, target: str) -> None:
        bare = target[1:-1] if target.startswith("<") and target.endswith(">") else target
        if not bare:
            self.report(page, ln, "empty link target")
            return
        if SCHEME.match(bare):
            if is_image:
                self.report(page, ln, f"remote image is not allowed: {bare} (put an SVG under data/guide/images/)")
            elif not re.match(r"^(https?:|mailto:)", bare, re.I):
                self.report(page, ln, f"link scheme not allowed: {bare}")
            return
        if bare.startswith("//"):
            self.report(page, ln, f"protocol-relative link not allowed: {bare}")
            return
        if bare.startswith("/"):
            self.report(page, ln, f"absolute path link not allowed (use a relative path): {bare}")
            return
        dest, anchor = self.resolve(page, bare)
        try:
            dest.relative_to(self.root)
        except ValueError:
            self.report(page, ln, f"link leaves the guide tree: {bare}")
            return
        if not dest.is_file():
            self.report(page, ln, f"broken link: {bare} (no such file)")
            return
        if anchor and not is_image:
            target_page = self.pages.get(dest)
            if target_page is None:
                return
            if anchor not in target_page.slugs:
                self.report(page, ln, f"broken anchor: {bare} (no heading '#{anchor}' in {target_page.rel})")

    def check_live_fact(self, page: Page, ln: int, kind: str, args: str, static: str) -> None:
        where = f"<!--lda:{kind}:{args}-->"
        if kind == "price":
            m = PRICE_ARGS.match(args)
            if not m:
                self.report(page, ln, f"live fact {where}: args must be OPTION/MODEL:FIELD")
            else:
                if m.group(1) not in OPTION_IDS:
                    self.report(page, ln, f"live fact {where}: unknown option id '{m.group(1)}'")
                if m.group(3) not in PRICE_FIELDS:
                    self.report(page, ln, f"live fact {where}: field must be one of "
                                          f"{', '.join(sorted(PRICE_FIELDS))}")
        elif kind == "gpu":
            if not GPU_ARGS.match(args):
                self.report(page, ln, f"live fact {where}: args must be INSTANCE:FIELD with FIELD "
                                      "on_demand|spot|ri_1y|ri_3y (optionally _month)")
        elif kind == "usecase":
            if not USECASE_ARGS.match(args):
                self.report(page, ln, f"live fact {where}: args must be USECASE:FIELD (e.g. support-chatbot:monthly)")
        else:
            self.report(page, ln, f"live fact {where}: kind must be price, gpu or usecase")
        if not DOLLAR.match(static.strip()) or static != static.strip():
            self.report(page, ln, f"live fact {where}: static text '{static}' must be a dollar amount like $3.00 or $4,141")

    # -- statistics ------------------------------------------------------------------------------
    def stats(self, page: Page) -> dict[str, int]:
        words = 0
        tables = 0
        in_table = False
        for ln, text in self.prose_lines(page):
            t = LIVE_FACT.sub(lambda m: m.group(3), page.lines[ln - 1])
            t = re.sub(r"<!--.*?-->", "", t)
            t = re.sub(r"(!?\[[^\]]*\])\([^)]*\)", r"\1", t)  # drop link targets, keep link text
            words += len(WORD.findall(t))
            stripped = text.strip()
            if TABLE_DELIM.match(stripped) and "-" in stripped and "|" in stripped and ln >= 2 \
                    and "|" in page.lines[ln - 2] and not in_table:
                tables += 1
                in_table = True
            elif not stripped.startswith("|") and "|" not in stripped:
                in_table = False
        diagrams = sum(1 for b in page.blocks if b.lang == "text" and DIAGRAM.search(b.text))
        return {"words": words, "code": len(page.blocks), "tables": tables + diagrams,
                "glossary": sum(1 for _, lv, _ in page.headings if lv == 3)
                if page.rel == "GLOSSARY.md" else 0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Lint the LLM Cloud Deployment Guide.")
    ap.add_argument("--root", default=None, help="guide root (default: data/guide)")
    ap.add_argument("--only", nargs="+", metavar="FILE", help="run the per-file checks on these files only")
    ap.add_argument("--stats", action="store_true", help="print per-file and total counts")
    for name in ("files", "words", "code", "tables", "glossary"):
        ap.add_argument(f"--min-{name}", type=int, default=None, metavar="N")
    args = ap.parse_args(argv)

    if args.root is None:
        root = Path("data/guide")
        if not root.is_dir():
            root = Path(__file__).resolve().parents[2] / "data" / "guide"
    else:
        root = Path(args.root)
    if not root.is_dir():
        print(f"{root}:0: guide root is not a directory", file=sys.stdout)
        return 1
    linter = Linter(root)
    if yaml is None:
        linter.problems.append((str(Path(__file__).name), 0, "PyYAML is not installed (pip install pyyaml)"))

    selected: list[Page] = []
    if args.only:
        for f in args.only:
            cand = [Path(f), root / f]
            found = None
            for c in cand:
                if c.is_file() and c.resolve() in linter.pages:
                    found = linter.pages[c.resolve()]
                    break
            if found is None:
                linter.problems.append((f, 0, "not a .md file below the guide root"))
            elif found not in selected:
                selected.append(found)
    else:
        selected = list(linter.pages.values())
    linter.check(selected)

    totals = {"files": len(linter.pages), "words": 0, "code": 0, "tables": 0, "glossary": 0}
    per_file = {}
    for page in linter.pages.values():
        s = linter.stats(page)
        per_file[page.path] = s
        for k in ("words", "code", "tables", "glossary"):
            totals[k] += s[k]
    if args.stats:
        print(f"{'file':60} {'words':>7} {'code':>5} {'tables':>6} {'gloss':>5}")
        for page in selected:
            s = per_file[page.path]
            print(f"{page.rel:60} {s['words']:7} {s['code']:5} {s['tables']:6} {s['glossary']:5}")
        print(f"{'TOTAL (' + str(totals['files']) + ' files in tree)':60} {totals['words']:7} "
              f"{totals['code']:5} {totals['tables']:6} {totals['glossary']:5}")
    for name in ("files", "words", "code", "tables", "glossary"):
        minimum = getattr(args, f"min_{name}")
        if minimum is not None and totals[name] < minimum:
            linter.problems.append((linter.display(linter.root), 0,
                                    f"total {name} {totals[name]} is below the minimum {minimum}"))
    for path, line, msg in sorted(set(linter.problems), key=lambda p: (p[0], p[1], p[2])):
        print(f"{path}:{line}: {msg}")
    return 1 if linter.problems else 0


if __name__ == "__main__":
    sys.exit(main())
